import os

TOKEN = os.environ.get("HAWZU_TOKEN", "RNJF6FapJS0pwCQXFtogqSNG5j1m")
