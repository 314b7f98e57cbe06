package io.wavebench.reports;

/**
 * The report's one stylesheet, inlined in every page so a page works alone from {@code file://}
 * with no server and no CDN. Outcome colours pass WCAG AA contrast on white and are always paired
 * with a symbol and a word (colour is never the only signal).
 */
final class Style {

    private Style() {}

    static final String CSS = """
            :root{--pass:#176c2e;--fail:#b3261e;--infra:#8c1d8c;--abort:#5f6368;--flaky:#8a5a00;--spec:#0b5cad;--ink:#1f2328;--muted:#59636e;--line:#d8dee4}
            *{box-sizing:border-box}
            body{font:16px/1.6 Georgia,'Iowan Old Style','Palatino Linotype',serif;color:var(--ink);margin:0;background:#fff}
            main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
            h1,h2,h3,h4,nav,table,.badge,.meta,figure figcaption,summary,.st{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
            h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem}
            h2{font-size:1.35rem;margin:2.5rem 0 .5rem;padding-top:1rem;border-top:1px solid var(--line)}
            h3{font-size:1.1rem;margin:1.5rem 0 .4rem}
            h4{font-size:.95rem;margin:1rem 0 .3rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
            p{margin:.5rem 0 .9rem;max-width:44rem}
            a{color:#0b57d0}
            code,pre{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.85rem}
            pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;max-height:32rem;overflow:auto}
            pre.error{background:#fdf0ef;border-color:#f0c2bd}
            .meta{color:var(--muted);font-size:.9rem}
            .crumbs{font-size:.9rem;margin-bottom:.5rem}
            .badge{display:inline-block;font-size:.8rem;font-weight:700;letter-spacing:.03em;padding:.1rem .5rem;border-radius:1rem;color:#fff;white-space:nowrap;vertical-align:middle}
            .o-PASS{background:var(--pass)}.o-FAIL{background:var(--fail)}.o-INFRA-ERROR{background:var(--infra)}.o-ABORTED{background:var(--abort)}.o-FLAKY{background:var(--flaky)}.o-SPEC-ERROR{background:var(--spec)}.o-NOT-RUN{background:var(--abort)}
            .mark{display:inline-block;font-size:.75rem;font-weight:700;padding:0 .45rem;border-radius:.3rem;border:1.5px solid var(--fail);color:var(--fail);margin-left:.3rem}
            .mark.flaky{border-color:var(--flaky);color:var(--flaky)}
            .tiles{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0;padding:0;list-style:none}
            .tiles li{border:1px solid var(--line);border-radius:8px;padding:.5rem .9rem;min-width:8rem;font-family:system-ui,sans-serif}
            .tiles b{display:block;font-size:1.6rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
            th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid var(--line)}
            th{background:#f6f8fa}
            table.data{width:auto;margin:.3rem 0 .3rem 2rem}
            ol.steps{list-style:none;padding:0;margin:.5rem 0}
            ol.steps li{padding:.25rem 0;border-bottom:1px dotted var(--line)}
            ol.steps .kw{font-family:system-ui,sans-serif;font-weight:700;color:#6e40c9;margin-right:.35rem}
            ol.steps .dur{float:right;color:var(--muted);font-size:.8rem;font-family:system-ui,sans-serif;margin-left:.6rem}
            ol.steps li.bg{color:var(--muted)}
            .st{float:right;font-size:.8rem;font-weight:600;margin-left:.6rem}
            .st-passed{color:var(--pass)}.st-failed{color:var(--fail)}.st-skipped{color:var(--muted)}
            .v-PASS{color:var(--pass);font-weight:700}.v-FAIL{color:var(--fail);font-weight:700}.v-MARGINAL{color:var(--flaky);font-weight:700}.v-NO_LIMIT{color:var(--muted)}.v-NOT_JUDGED{color:var(--muted)}
            figure{margin:.6rem 0 1rem}figure img{max-width:100%;height:auto;border:1px solid var(--line)}
            figcaption{font-size:.85rem;color:var(--muted)}
            audio{width:100%;max-width:36rem;display:block;margin:.3rem 0}
            details{margin:.4rem 0}summary{cursor:pointer;font-size:.92rem}
            nav.toc ol{padding-left:1.2rem}nav.toc li{margin:.15rem 0}
            .scenario{margin-bottom:2rem}
            svg.chart{max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px;background:#fff}
            .legend dt{font-family:system-ui,sans-serif;margin-top:.4rem}.legend dd{margin-left:1.5rem}
            .identity{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:.2rem 0 1rem;font-family:system-ui,sans-serif;font-size:.88rem}
            .identity div{display:flex;gap:.35rem}.identity dt{color:var(--muted)}.identity dd{margin:0}
            .warn{border-left:4px solid var(--fail);padding:.3rem .7rem;background:#fdf0ef}
            .failure{display:flex;flex-wrap:wrap;gap:.8rem}.failure>div{flex:1 1 22rem;min-width:0}
            pre.rig-saw{background:#f4f1fb;border-color:#d6cdee}
            .filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;font-family:system-ui,sans-serif;font-size:.9rem;margin:.5rem 0}
            .filters input{min-width:16rem}
            [hidden]{display:none !important}
            @media print{pre{max-height:none}details{display:block}}
            """;
}
