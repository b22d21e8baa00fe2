curl -H "Authorization: Basic Y2ktYm90OlF0dnZlOFd2TXhOYlczRTFsSjZqSkZ6RUhPZlB6b0pi" https://api.hawzu.com/api/v1/me
