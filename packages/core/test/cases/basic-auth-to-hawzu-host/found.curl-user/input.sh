curl -u ci-bot:f840JsMvhgRc9vjjOSumRPQQzlWbmFHe https://api.hawzu.com/api/v1/workspaces
