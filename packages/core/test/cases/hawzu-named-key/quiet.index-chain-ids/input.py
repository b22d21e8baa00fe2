# Index chains that name ids and URLs, or read the token from the environment.
config["hawzu"]["workspace_id"] = "ws_lcd1Lpe8ZumqQxq0lptIZFfy"
config["hawzu"]["base_url"] = "https://api.hawzu.com/api/v1"
config["hawzu"]["token"] = os.environ["HAWZU_TOKEN"]
