namespace Parallax.Report;

/// <summary>The page's only stylesheet, inlined so the report is one file that works offline and under the CSP.
/// Colours meet WCAG AA contrast (4.5:1) for text on their backgrounds.</summary>
internal static class HtmlStyle
{
    /// <summary>Number of distinct source colours; sources beyond it reuse them in order.</summary>
    public const int SourceColors = 8;

    public const string Css = """
        :root{color-scheme:light;--fg:#1b1f24;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;
          --accent:#0a4fb4;--hot:#a4161a;--hot-bg:#fdecea;--ok:#1a6b34;--ok-bg:#e6f4ea;--mark:#ffe27a}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
        .wrap{max-width:78rem;margin:0 auto;padding:0 1.25rem}
        a{color:var(--accent)}
        .page-head{background:#102a43;color:#fff;padding:.9rem 0 1rem;margin-bottom:1.25rem}
        .page-head a{color:#cfe3ff}
        .brand{margin:0;font-size:.8rem;letter-spacing:.06em;text-transform:uppercase;color:#c5d4e6}
        h1{margin:.15rem 0 .25rem;font-size:1.65rem;line-height:1.25}
        .meta{margin:0;color:#dbe6f3;font-size:.95rem}
        .story-nav{margin:.5rem 0 0;padding-left:1.25rem}
        h2{font-size:1.45rem;line-height:1.3;margin:1.5rem 0 .35rem}
        .story-id,.fact-id,.docid{font:500 .75rem/1 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;color:var(--muted)}
        .glance{display:flex;flex-wrap:wrap;gap:.35rem .5rem;margin:.25rem 0 1rem;font-size:.9rem}
        .glance a{padding:.1rem .55rem;border:1px solid var(--line);border-radius:999px;text-decoration:none;color:var(--fg);background:var(--panel)}
        .glance a.hot{border-color:var(--hot);color:var(--hot);background:var(--hot-bg);font-weight:600}
        .disagreements{border:2px solid var(--hot);border-radius:8px;background:var(--hot-bg);padding:.5rem 1rem .3rem;margin:0 0 1.2rem}
        .disagreements h3{margin:.2rem 0 .4rem;color:var(--hot);font-size:1.05rem}
        .disagreements ul{margin:0;padding-left:1.1rem}
        .disagreements li{margin:.2rem 0 .5rem}
        .disagreements .spread{margin:.15rem 0 0;font-size:.98rem}
        .disagreements .spread b{font-size:1rem}
        .tag.copy{border-color:var(--line);font-weight:400}
        .chart-wrap{margin:.5rem 0 1rem;padding:.5rem;border:1px solid var(--line);border-radius:8px;background:var(--panel)}
        .chart-wrap figcaption{font-size:.85rem;color:var(--muted)}
        .chart text{font:13px system-ui,sans-serif;fill:var(--fg)}
        .chart .count,.chart .legend,.chart .event-label{fill:var(--muted);font-size:11px}
        .chart .edge{stroke:#8aa0bd;stroke-opacity:.7}
        .chart .edge.k-person{stroke:#b5651d}.chart .edge.k-agency{stroke:#2e7d32}.chart .edge.k-document{stroke:#6a4c93}
        .chart .axis,.chart .tick{stroke:var(--muted)}
        .chart .pub{fill:#1f4e8c}.chart .event{fill:#b5651d}
        section{margin:0 0 2rem}
        h3{font-size:1.2rem;margin:1.25rem 0 .5rem;padding:.25rem 0 .25rem .6rem;border-left:4px solid var(--accent);line-height:1.3}
        .count{display:inline-block;min-width:1.6em;padding:0 .4em;border-radius:999px;background:var(--panel);border:1px solid var(--line);font-size:.8rem;font-weight:600;text-align:center;vertical-align:middle}
        .disputed-facts>h3{border-left-color:var(--hot);color:var(--hot)}
        .agreed-facts>h3{border-left-color:var(--ok)}
        .note,.empty{margin:.25rem 0 .75rem;color:var(--muted);font-size:.92rem}
        .empty{font-style:italic}
        .muted{color:var(--muted)}
        .sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
        .nowrap{white-space:nowrap}
        .table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;width:100%;font-size:.93rem}
        th,td{text-align:left;vertical-align:top;padding:.4rem .55rem;border-bottom:1px solid var(--line)}
        thead th{background:var(--panel);font-size:.82rem;text-transform:uppercase;letter-spacing:.03em;color:#3d4751}
        .sources-table td,.sources-table th{padding:.3rem .55rem}
        .path,.removed-text{font:.82rem/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;word-break:break-all}
        .num-col{text-align:right}
        .sentence-cell{min-width:18rem}
        .fact,.account,.quote{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem .85rem;margin:0 0 1rem;background:#fff}
        .fact.disputed{border-left:6px solid var(--hot);box-shadow:0 1px 3px rgba(16,42,67,.12)}
        .fact.agreed{border-left:6px solid var(--ok)}
        .account{border-left:6px solid #6b7b8c}
        .quote.conflict{border-left:6px solid var(--hot)}
        .fact-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .5rem}
        h4{margin:0;font-size:1.08rem}
        .tag{display:inline-block;padding:0 .4rem;border-radius:4px;background:#eef1f4;color:#3d4751;font-size:.75rem;font-weight:600;letter-spacing:.02em;vertical-align:baseline}
        .badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em}
        .badge.disputed,.badge.conflict{background:var(--hot);color:#fff}
        .badge.agreed{background:var(--ok);color:#fff}
        .spread{margin:.45rem 0 .7rem;font-size:1.02rem}
        .spread b{font-size:1.12rem}
        .vs{color:var(--hot);font-weight:700;font-size:.85rem;text-transform:uppercase;margin:0 .2rem}
        .claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,17rem),1fr));gap:.75rem}
        .claim{background:var(--panel);border-radius:6px;padding:.55rem .75rem .65rem;border-top:4px solid #6b7b8c;min-width:0}
        .claim p{margin:.15rem 0}
        .claim-text{font-size:1.2rem;font-weight:700;line-height:1.3}
        .claim-value{font-size:.88rem}
        .num{font-weight:700}
        .bounds{color:var(--muted)}
        .claim-attr{font-size:.88rem}
        blockquote{margin:0}
        .sentence{margin:.45rem 0 0;padding:.4rem .6rem;background:#fff;border-left:3px solid var(--line);font-size:.95rem;overflow-wrap:anywhere}
        .evidence{margin:.6rem 0 0;font-size:.82rem;color:var(--muted)}
        .parts{margin:.6rem 0 0 1.4rem;padding-left:.7rem;border-left:2px dotted var(--line)}
        .part-fact{margin:.4rem 0}.part-fact .spread{margin:.2rem 0}.part-rel{font-style:italic;color:var(--muted)}
        .part-row td:first-child{padding-left:1.6rem}
        strong.hl{font-weight:700;text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-color:var(--accent)}
        mark{background:var(--mark);color:inherit;padding:0 .08em;border-radius:2px}
        del{background:#ffe1de;color:#86181d;text-decoration-thickness:1.5px}
        ins{background:#d8f5dd;color:#14532d;text-decoration:underline;text-decoration-color:#1a6b34}
        .rows{margin-top:.45rem}
        .rows th{width:11rem;font-weight:normal}
        .canonical{font-size:1.08rem;padding:.1rem 0 .1rem .8rem;border-left:3px solid var(--accent);overflow-wrap:anywhere}
        .canonical::before{content:"“"}
        .canonical::after{content:"”"}
        .speaker{margin:.35rem 0 .5rem}
        .credited.differs b{color:var(--hot)}
        .cue{color:var(--muted);font-size:.85rem}
        .source-phrase{color:var(--muted);font-size:.85rem;margin-top:.25rem}
        .wording{overflow-wrap:anywhere}
        .src{display:inline-block;padding:0 .45rem;border-radius:4px;font-size:.82rem;font-weight:600;white-space:nowrap;max-width:16rem;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}
        .src-0{background:#dbeafe;color:#1e3a8a}.edge-0{border-top-color:#2563eb}
        .src-1{background:#ffedd5;color:#7c2d12}.edge-1{border-top-color:#ea580c}
        .src-2{background:#dcfce7;color:#14532d}.edge-2{border-top-color:#16a34a}
        .src-3{background:#f3e8ff;color:#581c87}.edge-3{border-top-color:#9333ea}
        .src-4{background:#ccfbf1;color:#134e4a}.edge-4{border-top-color:#0d9488}
        .src-5{background:#fce7f3;color:#831843}.edge-5{border-top-color:#db2777}
        .src-6{background:#fef3c7;color:#713f12}.edge-6{border-top-color:#ca8a04}
        .src-7{background:#e2e8f0;color:#1e293b}.edge-7{border-top-color:#475569}
        .src-x{background:#eef1f4;color:#3d4751}
        .compared{margin:.3rem 0 0;font-size:.78rem;color:var(--muted)}
        .sep{color:var(--muted);margin:0 .3rem}
        .times{font-size:.82rem;color:var(--muted);margin-right:.35rem}
        .mention-counts{line-height:1.9}
        details.removed-doc{margin:.35rem 0;border:1px solid var(--line);border-radius:6px;padding:.35rem .6rem}
        details.removed-doc summary{cursor:pointer}
        .removed-none{margin:.35rem 0}
        details.fold{margin:0 0 1.25rem;border-top:1px solid var(--line)}
        details.fold>summary{cursor:pointer;color:var(--accent);font-weight:600;font-size:1.05rem;padding:.6rem 0}
        details.more{margin:.35rem 0 .75rem}
        details.more>summary{cursor:pointer;color:var(--accent);font-weight:600;padding:.2rem 0}
        pre,code{white-space:pre-wrap;overflow-wrap:anywhere}
        svg{max-width:100%;height:auto}
        .page-foot{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:.75rem;margin-bottom:2rem}
        @media (max-width:640px){
          body{font-size:15px}
          .wrap{padding:0 .75rem}
          h1{font-size:1.35rem}
          h2{font-size:1.25rem}
          .fact,.account,.quote{padding:.6rem .65rem}
          .rows th{width:auto}
          .rows th,.rows td{display:block;border:0;padding:.2rem 0}
          .rows tr{display:block;border-bottom:1px solid var(--line);padding:.3rem 0}
          .glance{font-size:.8rem;gap:.3rem}
          .glance a{padding:0 .45rem}
          /* Sources as stacked lines, not a five-column table, so disputed facts stay near the top. */
          .sources-table thead{display:none}
          .sources-table tr{display:block;padding:.35rem 0;border-bottom:1px solid var(--line)}
          .sources-table td{display:inline;border:0;padding:0 .3rem 0 0}
          .sources-table td:nth-child(3){display:block;font-size:.88rem}
          .sources-table td.path{font-size:.72rem;color:var(--muted)}
          /* Every other table becomes a stack of cards: one card per row, cells one under another, no sideways scroll. */
          .table-wrap table:not(.sources-table),.table-wrap table:not(.sources-table)>tbody{display:block;width:100%}
          .table-wrap table:not(.sources-table)>thead{display:none}
          .table-wrap table:not(.sources-table)>tbody>tr{display:block;border:1px solid var(--line);border-radius:6px;margin:0 0 .5rem;padding:.35rem .55rem;background:#fff}
          .table-wrap table:not(.sources-table)>tbody>tr>td,.table-wrap table:not(.sources-table)>tbody>tr>th{display:block;border:0;padding:.12rem 0;min-width:0;text-align:left}
          .sentence-cell{min-width:0}
          .nowrap{white-space:normal}
          .src{max-width:100%}
          .claims{grid-template-columns:1fr}
        }
        @media print{.page-head{background:none;color:#000}.page-head a,.brand,.meta{color:#000}.fact,.quote,.account{break-inside:avoid}}

        """;
}
