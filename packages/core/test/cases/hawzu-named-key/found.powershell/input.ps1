$env:HAWZU_ACCESS_TOKEN = "ydqpZD1N9QBd5h9mIus0cKX4MGtqHjZtzZjp"
Invoke-RestMethod -Uri "https://api.hawzu.com/api/v1/me" -Headers @{ Authorization = "Bearer $env:HAWZU_ACCESS_TOKEN" }
