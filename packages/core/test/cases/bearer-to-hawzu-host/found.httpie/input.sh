http GET https://api.hawzu.com/v1/test-runs "Authorization:Bearer aONlaA5y7lnoOMsN9XQ004elasYe"
