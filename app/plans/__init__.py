"""Plans and their charges: what a subscription costs, versioned so that a price change applies only
to the billing periods that start after it."""
