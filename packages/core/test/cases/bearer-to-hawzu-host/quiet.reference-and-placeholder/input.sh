curl -H "Authorization: Bearer $HAWZU_ACCESS_TOKEN" https://api.hawzu.com/api/v1/me
curl -H "Authorization: Bearer <ACCESS_TOKEN>" https://api.hawzu.com/api/v1/me
curl -H "Authorization: Bearer YOUR_API_TOKEN" https://api.hawzu.com/api/v1/workspaces
curl -H "Authorization: Bearer ${HAWZU_TOKEN}" https://api.hawzu.com/api/v1/me
