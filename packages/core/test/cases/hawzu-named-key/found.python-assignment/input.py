import requests

HAWZU_URL = "https://api.hawzu.com/api/v1"
hawzu_token = "g7ygeDVBrZl74aVHP4RinkYu3PMjr0Ca"


def list_runs(project_id):
    return requests.get(f"{HAWZU_URL}/workspace/ws_001/project/{project_id}/testruns",
                        headers={"Authorization": f"Bearer {hawzu_token}"})
