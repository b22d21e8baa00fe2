curl --fail -X GET \
  "https://api.hawzu.com/api/v1/workspace/ws_001/projects" \
  -H "Accept: application/json" \
  -H "Authorization: Bearer w5847WrGN_U5Eo9xfTC3yFOfvTj-zW93guyRxy37"
