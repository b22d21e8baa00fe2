var client = new HttpClient { BaseAddress = new Uri("https://api.hawzu.com/api/v1/") };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "Mn0AlJROIAn1osYH6arZAIwXVXcGiMTEnfSGzheK");
