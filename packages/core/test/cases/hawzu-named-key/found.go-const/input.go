package hawzu

const (
	hawzuAPIURL   = "https://api.hawzu.com/api/v1"
	hawzuAPIToken = "IVm5j4zI8p6WIMozfOxbWCgTSPI553srJCfJiIre"
)
