{
    "name": "Purchase at the weighbridge",
    "version": "0.1.0",
    "depends": ["purchase", "weighing"],
    "summary": "Live hogs received on the weights of the truck's weighbridge ticket, never on typed weights",
    "category": "Purchase",
    "data": [],
}
