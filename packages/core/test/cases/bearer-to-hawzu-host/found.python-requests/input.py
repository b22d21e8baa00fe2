import requests

resp = requests.get(
    "https://api.hawzu.com/api/v1/workspaces",
    headers={"Authorization": "Bearer GnLkf_Jwjyab8PeHzFaTvoK8mtD8ZYUYeRCStbH2"},
    timeout=10,
)
resp.raise_for_status()
