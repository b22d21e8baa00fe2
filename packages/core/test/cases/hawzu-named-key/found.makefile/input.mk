HAWZU_TOKEN ?= 3Q7AyvDIx64VQpXzXUsTHXmhx6P5xU6BDfoT

upload:
	curl -H "Authorization: Bearer $(HAWZU_TOKEN)" https://api.hawzu.com/api/v1/me
