variable "bucket_acl" {
  description = "Canned ACL of the reports bucket."
  type        = string
  default     = "public-read"
}

variable "replicas" {
  type    = number
  default = 2
}
