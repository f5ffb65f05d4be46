"""Hooks dispatch declares: the weighing addon brings scale weights in, returns hears goods come back."""
from core.hooks import hookspec


class DispatchSpecs:
    @hookspec
    def desk_panels(self, note):
        """[(template name, context dict)] to draw on the shipping desk page of `note` (e.g. a live weight)."""

    @hookspec
    def note_sections(self, note):
        """[(template name, context dict)] to draw (and print) on delivery note `note` below its lines, e.g. the
        lots and certificates of the goods."""

    @hookspec
    def keyed_weight_refused(self, note):
        """A message when weights for `note` must not be keyed in at the desk (a scale serves it), else None."""

    @hookspec
    def batch_recorded(self, batch):
        """A batch was recorded at the desk, inside its transaction."""

    @hookspec
    def delivery_shipped(self, note):
        """A delivery note was shipped and billed, inside its transaction."""

    @hookspec
    def goods_received(self, note):
        """An inbound note was weighed in and received, inside its transaction."""
