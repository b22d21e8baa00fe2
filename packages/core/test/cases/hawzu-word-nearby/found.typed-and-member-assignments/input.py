from pydantic import BaseSettings, SecretStr

class HawzuSettings(BaseSettings):
    token: SecretStr = SecretStr("agJK8NYpaN3e6Q0SiMlY9XpLHbgqmoxNM16x")

@dataclass
class HawzuConfig:
    api_token: str = "Px1CB65DhiKSBWWuJ2ZnDIaMB9GFurX89qsP"

# Ruby: Hawzu.configure do |config|
config.api_token = "St6HpZ9ZOQl3z6bg5bOUmsIOwXFBw289rKQd"
