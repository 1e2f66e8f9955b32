"""One drawing layer for every chart: a description built once, painted by Qt or written as SVG."""
