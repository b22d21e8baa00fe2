import os
HAWZU_TOKEN = os.environ["HAWZU_TOKEN"]
hawzu_token = os.getenv("HAWZU_ACCESS_TOKEN")
hawzu_token = settings.HAWZU_ACCESS_TOKEN
