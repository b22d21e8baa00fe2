class HawzuSettings(BaseSettings):
    token: SecretStr = SecretStr(os.environ["HAWZU_TOKEN"])
    api_token: str = Field(default_factory=read_token)
    token_url: str = "https://auth.hawzu.com/oauth/token"
# Hawzu sync, then GitHub:
github.token = "UoXOs904JaqTA8NnP8GycTpnAMD2zhau2IfU"
