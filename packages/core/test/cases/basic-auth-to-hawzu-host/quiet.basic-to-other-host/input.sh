curl -H "Authorization: Basic Y2ktYm90OnhYSTBSalE4MmtKSTNnMXQ5UjNUdVV3Rk5JWUl3bnNV" https://registry.example.com/v2/
curl -u admin:xXI0RjQ82kJI3g1t9R3TuUwFNIYIwnsU https://jenkins.example.com/api/json
