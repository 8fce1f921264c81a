provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "reports" {
  bucket = "example-deputy-reports"
  acl    = var.bucket_acl
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Administrative access"

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "worker" {
  count         = var.replicas
  ami           = "ami-00000000000000000"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = false
  }
}

data "aws_iam_policy_document" "ops" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "ops" {
  name   = "ops"
  policy = data.aws_iam_policy_document.ops.json
}

module "logs" {
  source         = "./modules/logs"
  retention_days = 7
}
