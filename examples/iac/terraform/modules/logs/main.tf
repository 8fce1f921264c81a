variable "retention_days" {
  type = number
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "example-deputy-app"
  retention_in_days = var.retention_days
}

resource "aws_sqs_queue" "events" {
  # deputy:skip=DPY-AWS-SQS-001 the queue carries only public build notifications
  name = "example-deputy-events"
}
