resource "aws_ecs_task_definition" "uploader" {
  container_definitions = jsonencode([{
    name = "uploader"
    environment = [
      { name = "HAWZU_ACCESS_TOKEN", value = "Wh0wRoAY3B07nbJk4D8HjC0yXCeQ" },
    ]
  }])
}
