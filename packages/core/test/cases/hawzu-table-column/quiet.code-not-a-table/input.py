hawzu_token, workspace = read_credentials("4FjR5S3pbUIEYrblC304hAkCtF71Fm")
hawzu_token, project_id
load(), "zCYknavm0ouTzR1BCbDTWuYit2o4BGOs"
