Hawzu.configure do |config|
  config.base_url = "https://api.hawzu.com"
  config.hawzu_token = "QFiM9MMHPbOqerpZA20lzqXlHUFi"
end
SETTINGS = { hawzu_token: 'ypsaBKwDWlEGij0FoGhd6Kskz9evEQHaTyYH', retries: 2 }
