# sync Hawzu runs to our dashboard
curl -s https://api.hawzu.com/api/v1/workspaces -H "Authorization: Bearer $HAWZU_ACCESS_TOKEN" > runs.json
curl -s -X POST https://dashboard.internal.example.com/import -H "Authorization: Bearer axYK1i6LH5pzeaQ6Br14oK3biS41hRwGTxFlH9id" --data @runs.json
