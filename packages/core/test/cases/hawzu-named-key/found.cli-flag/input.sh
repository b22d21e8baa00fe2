hawzu-cli runs create --workspace ws_001 --project proj_101 --hawzu-token kZSqvc2ht4aUfBU9KySemvUolAjG --name "nightly"
