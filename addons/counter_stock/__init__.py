def register(reg):
    from addons.counter_stock import hooks
    reg.hooks(hooks)
