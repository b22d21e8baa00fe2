region          = "eu-west-1"
hawzu_api_token = "aiCIhl6fDVrDItBYs84B8UhUHgkZ"
hawzu_workspace = "ws_001"
