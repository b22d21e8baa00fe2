provider "hawzu" {
  base_url = "https://api.hawzu.com"
  token    = "EYVjrrpbPrVOQNl5bFGVwdXAvJSu"
}
