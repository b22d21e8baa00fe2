curl -u "ci-bot:$HAWZU_TOKEN" https://api.hawzu.com/api/v1/me
