"""Snow: daily snow cover from MODIS MOD10A1/MYD10A1 with clouds removed by the classic five steps (Terra/Aqua,
temporal, spatial, regional snow line, seasonal; Parajka & Blöschl 2008, Gafurov & Bárdossy 2009) and its season
indicators (:mod:`.snow_cover`), and passive-microwave snow depth from the 18/19 and 36/37 GHz brightness
temperatures (:mod:`.snow_depth`; Chang et al. 1987, Che et al. 2008)."""
