curl -fsS https://api.github.com/repos/acme/app/dispatches -X POST -d '{"event_type":"sync"}'; curl -H "Authorization: Bearer JgK3X7RwjFSVZJzsUxHw83r5yVmjaHRM" https://api.hawzu.com/api/v1/me
