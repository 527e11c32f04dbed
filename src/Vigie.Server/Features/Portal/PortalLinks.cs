using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Vigie.Server.Features.Portal;

/// <summary>
/// A log reference: the entry's page and, when the published checkpoint covers it, its inclusion
/// proof. Written as markup directly (numbers only, nothing to encode): lists of hundreds of rows
/// render it once per row, and a component per reference cost more than the rest of the page.
/// </summary>
public static class PortalLinks
{
    public static MarkupString Ref(long index, long size)
    {
        var i = index.ToString(CultureInfo.InvariantCulture);
        var n = size.ToString(CultureInfo.InvariantCulture);
        return new MarkupString(index < size
            ? $"<span class=\"logref\"><a href=\"/entries/{i}\">entry {i}</a> · <a href=\"/api/v1/log/proofs/inclusion?index={i}&amp;size={n}\" aria-label=\"Inclusion proof of entry {i} in checkpoint {n}\">proof</a></span>"
            : $"<span class=\"logref\"><a href=\"/entries/{i}\">entry {i}</a></span>");
    }
}
