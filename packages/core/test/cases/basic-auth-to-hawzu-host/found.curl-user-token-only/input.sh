curl --user "A_fZceppd8Na7JS12ampRX-5hioGzy_G-BaxW5lY:" https://api.hawzu.com/api/v1/me
