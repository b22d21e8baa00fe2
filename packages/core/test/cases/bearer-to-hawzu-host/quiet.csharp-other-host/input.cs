var client = new HttpClient { BaseAddress = new Uri("https://api.example.org/") };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "2MsiLcd7PikELLEZN2wxZtm8UgHPGtt6YbjiVALK");
