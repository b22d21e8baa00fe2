curl -s -H "X-Hawzu-Token: kqfAALamiO0HIm8MdjwgLTtX2m7LDT5a" "$HAWZU_API_URL/api/v1/workspaces"
