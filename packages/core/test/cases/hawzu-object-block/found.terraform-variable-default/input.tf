variable "hawzu_access_token" {
  type      = string
  sensitive = true
  default   = "nyfozbPGYSnMNXPsgF8haBFiMZofK6JuYua2"
}
