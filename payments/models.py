# Payments, refunds and provider events arrive with the payments issue.
