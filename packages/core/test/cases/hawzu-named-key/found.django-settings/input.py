HAWZU = {
    "BASE_URL": "https://api.hawzu.com/api/v1",
    "WORKSPACE": "ws_001",
}
HAWZU_API_TOKEN = "FOVxWJuU3s33HbImVujVCvW6Xucz6Bdi"
