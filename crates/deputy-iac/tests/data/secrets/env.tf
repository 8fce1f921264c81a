resource "aws_ecs_task_definition" "t" {
  container_definitions = jsonencode([{
    environment = [
      {
        name  = "API_TOKEN"
        value = "Rml4dHVyZSB2YWx1ZSBmb3IgSlNPTiBwYWlycywgbm90IGEgc2VjcmV0IDQy"
      },
      {
        name  = "COLOUR"
        value = "VGhpc0lzQUZha2VQYXNzd29yZEZvclRlc3RzT25seTEyMzQ1Njc4OQ=="
      }
    ]
  }])
}
