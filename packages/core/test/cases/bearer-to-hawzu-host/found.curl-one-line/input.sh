curl -sS -H "Authorization: Bearer M4I7mQn1CccOd0hm19gQHT1fcfWzNxNj" https://api.hawzu.com/api/v1/me
