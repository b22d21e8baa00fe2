curl -H "Authorization: Bearer WPtJlYRnVVkKWE6HXqLJgqrzqSAhHHLK" https://api.example-ci.io/v2/builds
curl -H "Authorization: Bearer ghp_Kn3S3r74t3WY46EtN3QTYAof3uFxA9N7o1SM" https://api.github.com/user
