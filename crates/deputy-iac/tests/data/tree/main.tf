resource "aws_s3_bucket" "logs" {
  # checkov:skip=CKV_AWS_18:this bucket receives the access logs of the others
  bucket = "example-logs"
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  acl    = "public-read"
}

resource "aws_security_group" "ssh" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
