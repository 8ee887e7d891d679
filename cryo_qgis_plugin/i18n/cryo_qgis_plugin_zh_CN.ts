<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin.py" line="59"/>
        <source>Time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="61"/>
        <source>Import freeze/thaw…</source>
        <translation>导入冻融产品…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="65"/>
        <source>Style as…</source>
        <translation>样式设为…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="166"/>
        <source>Select a raster layer to style with a class table.</source>
        <translation>请选择一个栅格图层，以便用类别表设置其样式。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="212"/>
        <source>Freeze/thaw codes</source>
        <translation>冻融代码</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="212"/>
        <source>Permafrost classes (TTOP)</source>
        <translation>多年冻土类别（TTOP）</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="213"/>
        <source>Permafrost zones (probability)</source>
        <translation>多年冻土分区（概率）</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="24"/>
        <source>Cryosphere</source>
        <translation>冰冻圈</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="44"/>
        <source>Displacement (mm)</source>
        <translation>形变（mm）</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="76"/>
        <source>a MintPy file has no map position QGIS can read: it is plotted with the InSAR model stack of its run; tick the model stack too</source>
        <translation>MintPy 文件没有 QGIS 可读取的地图位置：它随同一次运行的 InSAR 模型栈一起绘制；请同时勾选模型栈</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="105"/>
        <source>the reference date {} of the model is not a date of the data</source>
        <translation>模型的参考日期 {} 不是数据中的日期</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="142"/>
        <source>col {}, row {}</source>
        <translation>列 {}，行 {}</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="154"/>
        <source>{}: the data cannot be put in the model&apos;s frame: {}</source>
        <translation>{}：无法将数据转换到模型的参考系：{}</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="156"/>
        <source>Data: {} ({})</source>
        <translation>数据：{}（{}）</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="160"/>
        <source>Tick the displacement raster of {} (its {} dates) to plot the data with the model.</source>
        <translation>勾选 {} 的形变栅格（其 {} 个日期），即可将数据与模型一起绘制。</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="163"/>
        <source>Model ({})</source>
        <translation>模型（{}）</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="166"/>
        <source>Load the components raster of this run (the OUTPUT of InSAR deformation) to plot the long-term and seasonal parts.</source>
        <translation>加载本次运行的分量栅格（InSAR 形变的 OUTPUT），即可绘制长期部分和季节部分。</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="171"/>
        <source>{}: no offset_mm or velocity_mm_yr band; run InSAR deformation again</source>
        <translation>{}：没有 offset_mm 或 velocity_mm_yr 波段；请重新运行 InSAR 形变</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="182"/>
        <source>Long-term: {:+.2f} ± {:.2f} mm/yr</source>
        <translation>长期：{:+.2f} ± {:.2f} mm/年</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="183"/>
        <source>Seasonal: amplitude {:.1f} mm</source>
        <translation>季节：振幅 {:.1f} mm</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="184"/>
        <source>{} ({}): velocity {:+.2f} ± {:.2f} mm/yr, seasonal amplitude {:.1f} mm, R² {:.2f}</source>
        <translation>{}（{}）：速率 {:+.2f} ± {:.2f} mm/年，季节振幅 {:.1f} mm，R² {:.2f}</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="187"/>
        <source>Long-term</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="187"/>
        <source>Seasonal</source>
        <translation>季节</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="188"/>
        <source>{} ({}): the model was not solved at this pixel</source>
        <translation>{}（{}）：该像元上模型未求解</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="194"/>
        <source>× {:g} to mm</source>
        <translation>× {:g} 换算为 mm</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="197"/>
        <source>minus the value on {}</source>
        <translation>减去 {} 的值</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="199"/>
        <source>÷ cos θ = {:.4f} (line of sight to vertical)</source>
        <translation>÷ cos θ = {:.4f}（视线向转垂直向）</translation>
    </message>
    <message>
        <location filename="../gui/insar_overlay.py" line="200"/>
        <source>Data of {} in the model&apos;s frame: {}</source>
        <translation>{} 的数据在模型参考系中：{}</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="44"/>
        <source>…or reference points (altimetry, lidar, GNSS) to co-register DEM to</source>
        <translation>……或用于配准 DEM 的参考点（测高、激光雷达、GNSS）</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="51"/>
        <source>Elevation field of the reference points (empty: Z)</source>
        <translation>参考点的高程字段（留空：Z）</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="51"/>
        <source>Numeric field of REFERENCE_POINTS with the elevation in metres; points without a value are skipped. Empty: the points&apos; Z.</source>
        <translation>REFERENCE_POINTS 中以米为单位的高程数值字段；没有值的点被跳过。留空：使用点的 Z。</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="57"/>
        <source>…or an ICESat-2 ATL06 granule as reference points</source>
        <translation>……或以 ICESat-2 ATL06 数据作为参考点</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="57"/>
        <source>An ICESat-2 ATL06 HDF5 granule as downloaded from NSIDC (ATL11 and ICESat GLAH12 are read too); scripts may give a folder of granules. Segments with atl06_quality_summary 0 and no fill value are used; their heights are above the WGS 84 ellipsoid (see GEOID_HEIGHT).</source>
        <translation>从 NSIDC 下载的 ICESat-2 ATL06 HDF5 数据（也读取 ATL11 和 ICESat GLAH12）；脚本可给出数据所在文件夹。使用 atl06_quality_summary 为 0 且无填充值的分段；其高程基于 WGS 84 椭球（见 GEOID_HEIGHT）。</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="64"/>
        <source>Geoid height to subtract from the reference points&apos; heights (m)</source>
        <translation>从参考点高程中减去的大地水准面高（m）</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="64"/>
        <source>Constant N in metres subtracted from every reference point's height (h − N) to bring ellipsoidal heights (ICESat-2: WGS 84 ellipsoid) to a geoid-based DEM, e.g. about 31 m at Longyearbyen (EGM2008). 0 (default): the heights are used as they are, and a constant datum offset ends up in SHIFT_Z, which is right only over an area small enough for the geoid to be flat to the accuracy needed.</source>
        <translation>从每个参考点高程中减去的常数 N（米）（h − N），把椭球高（ICESat-2：WGS 84 椭球）换算到基于大地水准面的 DEM，例如朗伊尔城约 31 m（EGM2008）。0（默认）：按原样使用高程，常数基准偏移进入 SHIFT_Z，仅在大地水准面在所需精度内可视为平坦的小区域内成立。</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="76"/>
        <source>Reference points with their residuals</source>
        <translation>带残差的参考点</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="76"/>
        <source>With reference points: the points on the DEM, in the DEM's working CRS, with h_ref_m (height after GEOID_HEIGHT), dh_before_m (point − DEM), dh_after_m (point − aligned DEM), stable (1 off GLACIERS and UNSTABLE) and used (1: a stable inlier the vertical shift is the median of). Not written unless a destination is given.</source>
        <translation>给出参考点时：位于 DEM 上的点，采用 DEM 的工作坐标系，字段为 h_ref_m（减去 GEOID_HEIGHT 后的高程）、dh_before_m（点 − DEM）、dh_after_m（点 − 配准后的 DEM）、stable（位于 GLACIERS 和 UNSTABLE 之外为 1）和 used（1：用于计算垂直偏移中位数的稳定内点）。只有给出目标时才写出。</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="90"/>
        <source>Reference points are given twice (REFERENCE_POINTS and REFERENCE_FILES): give a point layer or ATL06 granules, not both.</source>
        <translation>参考点给了两次（REFERENCE_POINTS 和 REFERENCE_FILES）：请给出点图层或 ATL06 数据，不要同时给出。</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="93"/>
        <source>No reference is given: give a reference DEM (REFERENCE), reference points (REFERENCE_POINTS) or ICESat-2 ATL06 granules (REFERENCE_FILES) to co-register DEM to.</source>
        <translation>没有给出参考：请给出用于配准 DEM 的参考 DEM（REFERENCE）、参考点（REFERENCE_POINTS）或 ICESat-2 ATL06 数据（REFERENCE_FILES）。</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="96"/>
        <source>OUTPUT_POINTS needs reference points (REFERENCE_POINTS or REFERENCE_FILES): give them, or leave OUTPUT_POINTS empty.</source>
        <translation>OUTPUT_POINTS 需要参考点（REFERENCE_POINTS 或 REFERENCE_FILES）：请给出，或将 OUTPUT_POINTS 留空。</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="138"/>
        <source>Reference point heights minus the geoid height {:.3f} m</source>
        <translation>参考点高程减去大地水准面高 {:.3f} m</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="140"/>
        <source>GEOID_HEIGHT is 0: the reference point heights are used as they are (ICESat-2 heights are ellipsoidal; a constant datum offset goes into SHIFT_Z)</source>
        <translation>GEOID_HEIGHT 为 0：参考点高程按原样使用（ICESat-2 高程为椭球高；常数基准偏移进入 SHIFT_Z）</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="168"/>
        <source>{} needs a reference DEM (REFERENCE): give one, or leave {} empty.</source>
        <translation>{} 需要参考 DEM（REFERENCE）：请给出，或将 {} 留空。</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="174"/>
        <source>No REFERENCE: the DEM is aligned to the reference points on its own grid; OUTPUT and OUTPUT_REPORT are not written</source>
        <translation>没有 REFERENCE：DEM 在其自身格网上配准到参考点；不写出 OUTPUT 和 OUTPUT_REPORT</translation>
    </message>
    <message>
        <location filename="../processing/dem_point_reference.py" line="44"/>
        <source>Points in any CRS with their elevation in REFERENCE_ELEVATION_FIELD (or Z), in the vertical datum of DEM after GEOID_HEIGHT: DEM is co-registered to them instead of to REFERENCE. Give these or REFERENCE_FILES, not both; an HDF5 granule (or a folder of them) named here is read as REFERENCE_FILES.</source>
        <translation>任意坐标系的点，其高程在 REFERENCE_ELEVATION_FIELD（或 Z）中，经 GEOID_HEIGHT 改正后与 DEM 处于同一高程基准：DEM 将配准到这些点而不是 REFERENCE。请给出这些点或 REFERENCE_FILES，不要同时给出；在此处给出的 HDF5 数据粒（或其文件夹）将按 REFERENCE_FILES 读取。</translation>
    </message>
    <message>
        <location filename="../gui/map_frames.py" line="38"/>
        <source>Could not write {}</source>
        <translation>无法写入 {}</translation>
    </message>
    <message>
        <location filename="../gui/map_frames.py" line="45"/>
        <source>Writing one map per date…</source>
        <translation>正在为每个日期写出一幅地图…</translation>
    </message>
    <message>
        <location filename="../gui/map_frames.py" line="45"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../gui/map_frames.py" line="46"/>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../gui/map_frames.py" line="53"/>
        <source>Writing the map of {} ({} of {})…</source>
        <translation>正在写出 {} 的地图（第 {} 个，共 {} 个）…</translation>
    </message>
    <message>
        <location filename="../gui/region_series.py" line="41"/>
        <source>polygon</source>
        <translation>多边形</translation>
    </message>
    <message>
        <location filename="../gui/region_series.py" line="49"/>
        <source>feature {} of {}</source>
        <translation>要素 {}/{}</translation>
    </message>
    <message>
        <location filename="../gui/region_series.py" line="51"/>
        <source>{} features of {}</source>
        <translation>{} 个要素，来自 {}</translation>
    </message>
    <message>
        <location filename="../gui/region_series.py" line="80"/>
        <source>{} valid cells</source>
        <translation>{} 个有效像元</translation>
    </message>
    <message>
        <location filename="../gui/region_series.py" line="82"/>
        <source>{} mean of {} cells ({})</source>
        <translation>{} 均值，共 {} 个像元（{}）</translation>
    </message>
    <message>
        <location filename="../gui/region_series.py" line="89"/>
        <source>{}: {}, fraction of {} cells ({})</source>
        <translation>{}：{}，占 {} 个像元的比例（{}）</translation>
    </message>
    <message>
        <location filename="../gui/region_series.py" line="89"/>
        <source>Fraction of the valid cells</source>
        <translation>有效像元比例</translation>
    </message>
    <message>
        <location filename="../gui/region_series.py" line="145"/>
        <source>{}: {} to {} valid cells per date</source>
        <translation>{}：每个日期 {} 至 {} 个有效像元</translation>
    </message>
    <message>
        <location filename="../gui/region_task.py" line="75"/>
        <source>Select polygons in the active layer to plot their region series.</source>
        <translation>在当前图层中选择多边形以绘制其区域序列。</translation>
    </message>
    <message>
        <location filename="../gui/region_task.py" line="84"/>
        <source>Draw the region on the map: click its corners, right-click or double-click to close it, Esc to cancel. Or select polygons in the active layer first.</source>
        <translation>在地图上绘制区域：依次单击各个角点，右键单击或双击闭合，按 Esc 取消。也可以先在当前图层中选择多边形。</translation>
    </message>
    <message>
        <location filename="../gui/region_task.py" line="110"/>
        <source>{}: a MintPy file has no map position QGIS can read; a region series needs a georeferenced raster</source>
        <translation>{}：MintPy 文件没有 QGIS 可读取的地图位置；区域序列需要带地理参考的栅格</translation>
    </message>
    <message>
        <location filename="../gui/region_task.py" line="115"/>
        <source>Tick a raster in the list to plot its series.</source>
        <translation>在列表中勾选一个栅格以绘制其序列。</translation>
    </message>
    <message>
        <location filename="../gui/region_task.py" line="120"/>
        <source>Reading the region series of {} ({})…</source>
        <translation>正在读取 {} 的区域序列（{}）…</translation>
    </message>
    <message>
        <location filename="../gui/styling.py" line="62"/>
        <source>{} and {} other values</source>
        <translation>{} 及其他 {} 个值</translation>
    </message>
    <message>
        <location filename="../gui/styling.py" line="65"/>
        <source>{}: about {:,} cells (estimated from a sample) hold values that are not codes of this class table, by value (cells): {}. The style is applied; these cells are drawn without a colour.</source>
        <translation>{}：约 {:,} 个像元（由抽样估计）的值不是此分类表中的代码，按值（像元数）：{}。样式已应用；这些像元不着色显示。</translation>
    </message>
    <message>
        <location filename="../gui/styling.py" line="68"/>
        <source>{}: {:,} cells hold values that are not codes of this class table, by value (cells): {}. The style is applied; these cells are drawn without a colour.</source>
        <translation>{}：{:,} 个像元的值不是此分类表中的代码，按值（像元数）：{}。样式已应用；这些像元不着色显示。</translation>
    </message>
    <message>
        <location filename="../processing/dask_parameters.py" line="24"/>
        <source>Dask scheduler address (empty: compute in QGIS)</source>
        <translation>Dask 调度器地址（留空：在 QGIS 中计算）</translation>
    </message>
    <message>
        <location filename="../processing/dask_parameters.py" line="24"/>
        <source>Address of a running dask scheduler, e.g. tcp://127.0.0.1:8786 (a LocalCluster, `dask scheduler` with `dask worker`s, or dask-jobqueue on an HPC system). The stack is then read and computed by the cluster&apos;s workers, which must see the input files at the same paths, with the same kernels, so the output is the same file; progress follows the finished chunks and Cancel cancels them. Needs the Python packages dask, distributed and xarray. Empty (default): computed in QGIS.</source>
        <translation>正在运行的 dask 调度器地址，例如 tcp://127.0.0.1:8786（LocalCluster、`dask scheduler` 加 `dask worker`，或 HPC 系统上的 dask-jobqueue）。数据栈随后由集群的 worker 读取和计算，这些 worker 必须能以相同路径访问输入文件、使用相同的内核，从而输出相同的文件；进度随已完成的分块更新，点击“取消”会取消这些分块。需要 Python 包 dask、distributed 和 xarray。留空（默认）：在 QGIS 中计算。</translation>
    </message>
    <message>
        <location filename="../processing/dask_parameters.py" line="55"/>
        <source>Computing on the dask scheduler {} ({} workers)</source>
        <translation>正在 dask 调度器 {} 上计算（{} 个 worker）</translation>
    </message>
    <message>
        <location filename="../qgis_io/vector_styles.py" line="73"/>
        <source>{:.0f} – {:.0f} days</source>
        <translation>{:.0f} – {:.0f} 天</translation>
    </message>
</context>
<context>
    <name>AltimetryDifference</name>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="112"/>
        <source>Altimetry points to gridded elevation change</source>
        <translation>测高点生成格网化高程变化</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="140"/>
        <source>Epoch 1 points (earlier)</source>
        <translation>第 1 期点（较早）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="146"/>
        <source>Epoch 2 points (later)</source>
        <translation>第 2 期点（较晚）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="167"/>
        <source>Elevation field, in both layers (empty: the points&apos; Z)</source>
        <translation>高程字段，两个图层中均需存在（留空：使用点的 Z 值）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="173"/>
        <source>Cell size (m)</source>
        <translation>格网单元大小（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="178"/>
        <source>Projected CRS of the output grid (empty: the EPOCH1 layer&apos;s CRS)</source>
        <translation>输出格网的投影坐标参考系（留空：EPOCH1 图层的坐标参考系）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="200"/>
        <source>Outlier threshold in NMAD within a cell (0 = no filtering)</source>
        <translation>格网单元内的异常值阈值，以 NMAD 为单位（0 = 不过滤）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="206"/>
        <source>Elevation change rate (m/yr)</source>
        <translation>高程变化速率（m/a）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="210"/>
        <source>Mean rate over the cells with a rate (m/yr)</source>
        <translation>有速率格网单元的平均速率（m/a）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="212"/>
        <source>Cells with points of both epochs</source>
        <translation>两期均有点的格网单元数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="296"/>
        <source>EPOCH1 is in geographic coordinates ({}): choose a projected CRS for the grid (e.g. EPSG:3413 for Greenland)</source>
        <translation>EPOCH1 为地理坐标（{}）：请为格网选择投影坐标参考系（例如格陵兰用 EPSG:3413）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="322"/>
        <source>Points: {} in epoch 1, {} in epoch 2</source>
        <translation>点数：第 1 期 {} 个，第 2 期 {} 个</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="333"/>
        <source>{} cells with a rate; mean {:.3f} m/yr</source>
        <translation>{} 个格网单元有速率；平均 {:.3f} m/a</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="167"/>
        <source>Numeric field with the elevation in metres, present under this name in both layers; points without a numeric value are skipped. Empty: the Z coordinate of the points.</source>
        <translation>以米为单位的高程数值字段，两个图层中须有同名字段；没有数值的点将被跳过。留空：使用点的 Z 坐标。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="173"/>
        <source>Side of the square grid cells in metres (≥ 1, default 500); the grid is aligned on multiples of it. Larger cells hold more points of both epochs but blur the pattern of change.</source>
        <translation>正方形格网单元的边长，单位为米（≥ 1，默认 500）；格网与其整数倍对齐。格网单元越大，包含两期点的数量越多，但变化的空间格局越模糊。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="200"/>
        <source>k ≥ 0, default 3: in each cell and epoch with at least 3 points, points farther than k NMAD from the median are dropped before the medians (removes cloud returns). 0: no filtering.</source>
        <translation>k ≥ 0，默认 3：在至少有 3 个点的每个格网单元和期次中，计算中位数之前剔除偏离中位数超过 k 倍 NMAD 的点（可去除云回波）。0：不过滤。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="206"/>
        <source>Float32 GeoTIFF with two bands: the elevation change rate in m/yr and the number of points used (both epochs); cells without points of both epochs are nodata (−9999).</source>
        <translation>含两个波段的 float32 GeoTIFF：以 m/yr 为单位的高程变化速率，以及所用点数（两期合计）；不同时含两期点的格网单元为无数据值（−9999）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="186"/>
        <source>Years between the epochs (empty: from the dates)</source>
        <translation>两期之间的年数（为空：由日期计算）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="193"/>
        <source>Acquisition date field, in both layers (for YEARS)</source>
        <translation>采集日期字段，两个图层均需具备（用于计算 YEARS）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="193"/>
        <source>Field with each point's acquisition date (date, date-time or YYYY-MM-DD text), present under this name in both layers: when YEARS is empty, YEARS = (mean date of EPOCH2 − mean date of EPOCH1) / 365.25 days. Empty: a date or date-time field both layers have, if any.</source>
        <translation>存放每个点采集日期的字段（日期、日期时间或 YYYY-MM-DD 文本），两个图层中须有同名字段：YEARS 为空时，YEARS = （EPOCH2 平均日期 − EPOCH1 平均日期）/ 365.25 天。为空：使用两个图层共有的日期或日期时间字段（如有）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="303"/>
        <source>Both YEARS and DATE_FIELD are given: the dates are used</source>
        <translation>同时给出了 YEARS 和 DATE_FIELD：使用日期</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="311"/>
        <source>YEARS is not set and the layers have no date field: give YEARS (the time between the epochs, in years) or a date field (DATE_FIELD) present in both layers</source>
        <translation>未设置 YEARS，且图层没有日期字段：请给出 YEARS（两期之间的时间，单位为年），或两个图层均具备的日期字段（DATE_FIELD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="314"/>
        <source>YEARS from the mean dates of field {}</source>
        <translation>YEARS 由字段 {} 的平均日期计算</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="115"/>
        <source>&lt;p&gt;Grids the elevation change between two epochs of repeat altimetry points (ICESat, ICESat-2, CryoSat-2 POCA, airborne lidar): in each cell of CELL_SIZE metres of a projected CRS, &lt;b&gt;rate = (median of the EPOCH2 elevations − median of the EPOCH1 elevations) / YEARS&lt;/b&gt;, for cells with points of both epochs (cell-median gridding as in Sørensen et al. 2011, The Cryosphere 5, 173-186). OUTPUT has two bands: the rate in m per year (nodata −9999) and the number of points used (both epochs).&lt;/p&gt;&lt;p&gt;Each epoch is a point layer (EPOCH1, EPOCH2) or granules as NSIDC delivers them: an ICESat-2 ATL06 or ATL11 or ICESat GLAH12 HDF5 file (EPOCH1_FILES, EPOCH2_FILES; scripts may give a granule or a folder as EPOCH1/EPOCH2 too) or a folder of them (EPOCH1_FOLDER, EPOCH2_FOLDER). From granules only measurements with quality flag 0 (atl06_quality_summary, quality_summary, elev_use_flg) and no fill value are used, heights above the WGS84 ellipsoid (GLAH12 moved from TOPEX/Poseidon), dated by their delta_time.&lt;/p&gt;&lt;p&gt;Elevations of layers come from ELEVATION_FIELD, or from the points' Z when it is empty; points are reprojected to CRS (default: the EPOCH1 layer's CRS, which must then be projected; for granules in EPOCH1: EPSG:3413 north of 60°N, EPSG:3031 south of 60°S, else the UTM zone of the points' centre, named in the log). With OUTLIER_NMAD k &amp;gt; 0, points farther than k NMAD from the median of their cell and epoch are dropped before the medians (cells with at least 3 points; removes cloud returns). The grid is aligned on multiples of CELL_SIZE. Results: MEAN_RATE (mean over the cells with a rate) and N_CELLS.&lt;/p&gt;&lt;p&gt;YEARS is the time between the epochs; left empty, it is the difference of the mean acquisition dates of the two epochs' points (granules: their times; layers: DATE_FIELD, or a date field both layers have). Elevations that are fill values (−9999, 3.4e38, ...) or outside −500..9,000 m are left out and counted in the log.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将两期重复测高点（ICESat、ICESat-2、CryoSat-2 POCA、机载激光雷达）之间的高程变化格网化：在投影坐标参考系中边长为 CELL_SIZE 米的每个格网单元内，&lt;b&gt;速率 = （EPOCH2 高程中位数 − EPOCH1 高程中位数）/ YEARS&lt;/b&gt;，仅计算两期均有点的格网单元（格网单元中位数法，同 Sørensen et al. 2011, The Cryosphere 5, 173-186）。OUTPUT 有两个波段：以米每年为单位的速率（无数据值 −9999）和所用点数（两期合计）。&lt;/p&gt;&lt;p&gt;每一期可以是点图层（EPOCH1、EPOCH2），也可以是 NSIDC 分发的原始数据文件：ICESat-2 ATL06 或 ATL11、ICESat GLAH12 HDF5 文件（EPOCH1_FILES、EPOCH2_FILES；脚本也可将数据文件或文件夹作为 EPOCH1/EPOCH2 给出），或这些文件的文件夹（EPOCH1_FOLDER、EPOCH2_FOLDER）。数据文件中只使用质量标志为 0（atl06_quality_summary、quality_summary、elev_use_flg）且非填充值的测量，高程以 WGS84 椭球为基准（GLAH12 由 TOPEX/Poseidon 椭球换算），日期取自其 delta_time。&lt;/p&gt;&lt;p&gt;图层的高程取自 ELEVATION_FIELD，该项为空时取点的 Z 值；点会被重投影到 CRS（默认：EPOCH1 图层的坐标参考系，此时它必须是投影坐标系；EPOCH1 为数据文件时：60°N 以北用 EPSG:3413，60°S 以南用 EPSG:3031，否则用点中心所在的 UTM 带，并在日志中注明）。当 OUTLIER_NMAD k &amp;gt; 0 时，在计算中位数之前剔除偏离其所在格网单元和期次中位数超过 k 倍 NMAD 的点（仅针对至少有 3 个点的格网单元；可去除云回波）。格网与 CELL_SIZE 的整数倍对齐。结果：MEAN_RATE（有速率的格网单元的平均值）和 N_CELLS。&lt;/p&gt;&lt;p&gt;YEARS 为两期之间的时间；为空时，取两期点的平均采集日期之差（数据文件：其时间；图层：DATE_FIELD，或两个图层共有的日期字段）。填充值（−9999、3.4e38 等）或超出 −500..9,000 m 的高程将被略去，并在日志中计数。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="140"/>
        <source>Altimetry points of the earlier epoch (e.g. ICESat footprints), in any CRS; multipoints count each part. Its CRS is the grid&apos;s when CRS is empty. Or give granules as EPOCH1_FILES or EPOCH1_FOLDER (scripts may give a granule or a folder of granules here).</source>
        <translation>较早一期的测高点（例如 ICESat 足印），可为任意坐标参考系；多点要素的每个部分各计为一个点。CRS 留空时，格网使用该图层的坐标参考系。也可将数据文件作为 EPOCH1_FILES 或 EPOCH1_FOLDER 给出（脚本也可在此给出数据文件或数据文件的文件夹）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="146"/>
        <source>Altimetry points of the later epoch (e.g. ICESat-2 ATL06), in any CRS, with the elevation in the same field (or Z) and vertical datum as EPOCH1. Or give granules as EPOCH2_FILES or EPOCH2_FOLDER.</source>
        <translation>较晚一期的测高点（例如 ICESat-2 ATL06），可为任意坐标参考系；高程所在字段（或 Z 值）和高程基准须与 EPOCH1 相同。也可将数据文件作为 EPOCH2_FILES 或 EPOCH2_FOLDER 给出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="152"/>
        <source>Epoch 1</source>
        <translation>第 1 期</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="152"/>
        <source>Epoch 2</source>
        <translation>第 2 期</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="154"/>
        <source>{}: …or an ICESat-2 ATL06/ATL11 or ICESat GLAH12 granule</source>
        <translation>{}：……或 ICESat-2 ATL06/ATL11、ICESat GLAH12 数据文件</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="154"/>
        <source>An HDF5 granule as downloaded from NSIDC (ICESat-2 ATL06 or ATL11, ICESat GLAH12), instead of a point layer; scripts may give a folder of granules here too. Measurements with quality flag 0 and no fill value are used, with their dates.</source>
        <translation>从 NSIDC 下载的 HDF5 数据文件（ICESat-2 ATL06 或 ATL11、ICESat GLAH12），用于代替点图层；脚本也可在此给出数据文件的文件夹。使用质量标志为 0 且非填充值的测量及其日期。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="161"/>
        <source>{}: …or a folder of granules</source>
        <translation>{}：……或数据文件的文件夹</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="161"/>
        <source>A folder of ICESat-2 ATL06/ATL11 or ICESat GLAH12 granules (.h5, subfolders included), instead of a point layer or one granule.</source>
        <translation>ICESat-2 ATL06/ATL11 或 ICESat GLAH12 数据文件（.h5，含子文件夹）的文件夹，用于代替点图层或单个数据文件。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="178"/>
        <source>Projected CRS in metres for the grid, e.g. EPSG:3413 (Greenland) or EPSG:3031 (Antarctica); both epochs are reprojected to it. Empty: the CRS of EPOCH1, which must then be projected; with granules as epoch 1: EPSG:3413 north of 60°N, EPSG:3031 south of 60°S, else the UTM zone of the points' centre.</source>
        <translation>格网所用的以米为单位的投影坐标参考系，例如 EPSG:3413（格陵兰）或 EPSG:3031（南极）；两期点都会重投影到该坐标参考系。留空：使用 EPOCH1 的坐标参考系，此时它必须是投影坐标系；第 1 期为数据文件时：60°N 以北用 EPSG:3413，60°S 以南用 EPSG:3031，否则用点中心所在的 UTM 带。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="186"/>
        <source>Time between the two epochs in years (&gt; 0, decimal), e.g. 2019.5 − 2005.0 = 14.5; the difference of the medians is divided by it to give m/yr. Empty: the difference of the mean dates of the two epochs' points (granules' times, layers' DATE_FIELD).</source>
        <translation>两期之间的时间间隔，单位为年（&gt; 0，可为小数），例如 2019.5 − 2005.0 = 14.5；中位数之差除以该值得到 m/yr。为空：取两期点的平均日期之差（数据文件的时间，图层的 DATE_FIELD）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="242"/>
        <source>{} is given more than once ({}): give each epoch once, as a point layer, a granule or a folder of granules, and leave the others empty</source>
        <translation>{} 给出了不止一次（{}）：每一期只需给出一次，作为点图层、数据文件或数据文件的文件夹，其余请留空</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="245"/>
        <source>No {0} points: give a point layer ({1}), an ICESat-2 ATL06/ATL11 or ICESat GLAH12 granule ({2}) or a folder of granules ({3})</source>
        <translation>没有 {0} 的点：请给出点图层（{1}）、ICESat-2 ATL06/ATL11 或 ICESat GLAH12 数据文件（{2}），或数据文件的文件夹（{3}）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="260"/>
        <source>The folder {} ({}) holds no HDF5 granule (.h5)</source>
        <translation>文件夹 {}（{}）中没有 HDF5 数据文件（.h5）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="306"/>
        <source>ELEVATION_FIELD and DATE_FIELD are not used: both epochs are granules, with their own heights and times</source>
        <translation>不使用 ELEVATION_FIELD 和 DATE_FIELD：两期均为数据文件，自带高程和时间</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="320"/>
        <source>CRS is empty: the grid is in {} ({}), chosen from the centre of the granules&apos; points</source>
        <translation>CRS 为空：根据数据文件中点的中心，格网采用 {}（{}）</translation>
    </message>
</context>
<context>
    <name>ClassLabels</name>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Water body or missing</source>
        <translation>水体或缺测</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Thawed</source>
        <translation>融化</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Precipitation</source>
        <translation>降水</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Perennial snow/ice</source>
        <translation>常年积雪/冰</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Permafrost (TTOP &lt; 0 °C)</source>
        <translation>多年冻土（TTOP &lt; 0 °C）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Seasonally frozen ground</source>
        <translation>季节冻土</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Unfrozen ground (no freezing)</source>
        <translation>非冻土（无冻结）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Glacier</source>
        <translation>冰川</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Lake</source>
        <translation>湖泊</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Continuous (p &gt; 0.9)</source>
        <translation>连续（p &gt; 0.9）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Discontinuous (0.5 ≤ p ≤ 0.9)</source>
        <translation>不连续（0.5 ≤ p ≤ 0.9）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Sporadic (0.1 ≤ p &lt; 0.5)</source>
        <translation>零星（0.1 ≤ p &lt; 0.5）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Isolated patches (0 &lt; p &lt; 0.1)</source>
        <translation>岛状（0 &lt; p &lt; 0.1）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>No permafrost (p = 0)</source>
        <translation>无多年冻土（p = 0）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>No retrieval (fill)</source>
        <translation>无反演值（填充值）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Transitional (AM frozen, PM thawed)</source>
        <translation>过渡（上午冻结，下午融化）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Inverse transitional (AM thawed, PM frozen)</source>
        <translation>反向过渡（上午融化，下午冻结）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>No data defined</source>
        <translation>未定义数据</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Outside the cold-constrained domain</source>
        <translation>冷约束区域之外</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Open water</source>
        <translation>开阔水面</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>No snow</source>
        <translation>无雪</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Snow</source>
        <translation>积雪</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Cloud (not removed)</source>
        <translation>云（未去除）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>Water (inland or ocean)</source>
        <translation>水体（内陆或海洋）</translation>
    </message>
    <message>
        <location filename="../class_labels.py" line="12"/>
        <source>No data (missing, no decision, night, saturated, fill)</source>
        <translation>无数据（缺测、未判定、夜间、饱和、填充）</translation>
    </message>
</context>
<context>
    <name>CopyWorkflowAction</name>
    <message>
        <location filename="../gui/model_actions.py" line="45"/>
        <source>Copy as Model…</source>
        <translation>复制为模型…</translation>
    </message>
</context>
<context>
    <name>CryoAlgorithm</name>
    <message>
        <location filename="../processing/guard.py" line="345"/>
        <source>Cancelled: no output was written</source>
        <translation>已取消：未写出任何输出</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="75"/>
        <source>{}: {} point(s) without a numeric elevation were skipped</source>
        <translation>{}：已跳过 {} 个没有数值高程的点</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="78"/>
        <source>The {} layer has no point with an elevation</source>
        <translation>{} 图层中没有带高程的点</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="34"/>
        <source>Freeze/thaw</source>
        <translation>冻融</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="35"/>
        <source>Permafrost</source>
        <translation>多年冻土</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="36"/>
        <source>Glaciers</source>
        <translation>冰川</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="37"/>
        <source>Lake ice</source>
        <translation>湖冰</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="39"/>
        <source>Validation</source>
        <translation>精度验证</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="192"/>
        <source>The output {} is one of the inputs; choose another output name so the input is kept</source>
        <translation>输出 {} 是输入之一；请另选输出文件名，以免覆盖输入</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="211"/>
        <source>Could not apply the style {}: {}</source>
        <translation>无法应用样式 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="159"/>
        <source>{} and {} are the same file {}; give each output its own name</source>
        <translation>{} 与 {} 是同一个文件 {}；请为每个输出指定不同的文件名</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="331"/>
        <source>Shift applied to the DEM, east (m)</source>
        <translation>施加到 DEM 的偏移，东向（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="332"/>
        <source>Shift applied to the DEM, north (m)</source>
        <translation>施加到 DEM 的偏移，北向（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="333"/>
        <source>Shift applied to the DEM, up (m)</source>
        <translation>施加到 DEM 的偏移，垂向（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="334"/>
        <source>Stable-terrain median dh before co-registration (m)</source>
        <translation>配准前稳定地形 dh 中位数（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="336"/>
        <source>Stable-terrain NMAD before co-registration (m)</source>
        <translation>配准前稳定地形 NMAD（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="338"/>
        <source>Stable-terrain median dh after co-registration (m)</source>
        <translation>配准后稳定地形 dh 中位数（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="340"/>
        <source>Stable-terrain NMAD after co-registration (m)</source>
        <translation>配准后稳定地形 NMAD（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="342"/>
        <source>Glacier area on the grid (km²)</source>
        <translation>格网上的冰川面积（km²）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="343"/>
        <source>Mean glacier elevation change (m)</source>
        <translation>冰川平均高程变化（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="344"/>
        <source>Glacier volume change (m³)</source>
        <translation>冰川体积变化（m³）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="345"/>
        <source>Glacier volume change error, 1 sigma (m³)</source>
        <translation>冰川体积变化误差，1 sigma（m³）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="347"/>
        <source>Geodetic mass balance (m w.e. per year)</source>
        <translation>大地测量物质平衡（m w.e./a）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="348"/>
        <source>Geodetic mass balance error, 1 sigma (m w.e. per year)</source>
        <translation>大地测量物质平衡误差，1 sigma（m w.e./a）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="29"/>
        <source>INPUT is not a readable table</source>
        <translation>INPUT 不是可读取的表格</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="51"/>
        <source>{} cannot be opened as a table</source>
        <translation>无法将 {} 作为表格打开</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="58"/>
        <source>The table {} has no field {!r} (fields: {}); set LAKE_FIELD, DATE_FIELD and VALUE_FIELD</source>
        <translation>表格 {} 没有字段 {!r}（现有字段：{}）；请设置 LAKE_FIELD、DATE_FIELD 和 VALUE_FIELD</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="32"/>
        <source>The reference layer has no field {!r} (fields: {}); set FIELD</source>
        <translation>参考图层没有字段 {!r}（现有字段：{}）；请设置 FIELD</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="45"/>
        <source>Row {}: the reference class {} in field {} is not an integer</source>
        <translation>第 {} 行：参考类别 {}（字段 {}）不是整数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="57"/>
        <source>map nodata</source>
        <translation>分类图无数据</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="58"/>
        <source>reference nodata</source>
        <translation>参考数据无数据</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="59"/>
        <source>not in CLASSES</source>
        <translation>不在 CLASSES 中</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="60"/>
        <source>outside the map</source>
        <translation>位于分类图范围之外</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="103"/>
        <source>HDF5 dataset or netCDF variable (empty: the only grid in the file)</source>
        <translation>HDF5 数据集或 netCDF 变量（留空：文件中唯一的格网）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="113"/>
        <source>Date of the first grid, YYYY-MM-DD (only for files whose grids carry no date)</source>
        <translation>第一个格网的日期，YYYY-MM-DD（仅用于格网不带日期的文件）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="122"/>
        <source>Extent of grids stored without georeferencing (empty: global 0.25° grid)</source>
        <translation>无地理参考格网的范围（留空：全球 0.25° 格网）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="131"/>
        <source>CRS of grids stored without georeferencing</source>
        <translation>无地理参考格网的坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="227"/>
        <source>EXTENT is empty; give xmin,xmax,ymin,ymax of the grid</source>
        <translation>EXTENT 为空；请给出格网的 xmin,xmax,ymin,ymax</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="232"/>
        <source>A CRS other than EPSG:4326 needs an EXTENT too (the grid&apos;s bounds in that CRS)</source>
        <translation>EPSG:4326 以外的坐标参考系还需要 EXTENT（格网在该坐标参考系中的边界）</translation>
    </message>
    <message>
        <location filename="../qgis_io/cells.py" line="44"/>
        <source>Row {}: cannot read the date {!r} in field {}; write dates as YYYY-MM-DD</source>
        <translation>第 {} 行：无法读取日期 {!r}（字段 {}）；日期请写为 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../qgis_io/cells.py" line="57"/>
        <source>Row {}: the value {!r} in field {} is not a number</source>
        <translation>第 {} 行：值 {!r}（字段 {}）不是数字</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="60"/>
        <source>Temperature units (after scale and offset)</source>
        <translation>温度单位（缩放和偏移之后）</translation>
    </message>
    <message>
        <location filename="../qgis_io/features.py" line="25"/>
        <source>The {} layer has no polygon; choose a layer with polygons or leave it empty</source>
        <translation>{} 图层没有多边形；请选择含多边形的图层或留空</translation>
    </message>
    <message>
        <location filename="../qgis_io/point_series.py" line="95"/>
        <source>The {} layer has no CRS; set its CRS first</source>
        <translation>{} 图层没有坐标参考系；请先设置其坐标参考系</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="113"/>
        <source>Date (YYYY-MM-DD) of the first grid of a 3-D HDF5 dataset or of a multi-band raster whose bands carry no dates; the grids that follow are taken as consecutive days. Leave empty when the file names, band descriptions or netCDF time give the dates.</source>
        <translation>三维 HDF5 数据集或波段不带日期的多波段栅格中第一个格网的日期（YYYY-MM-DD）；其后的格网视为逐日连续。若日期可由文件名、波段描述或 netCDF 时间得出，则留空。</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="122"/>
        <source>Outer bounds (xmin, xmax, ymin, ymax, in the units of CRS) of grids that carry no georeferencing, such as HDF5: the rectangle is divided evenly into the grid's cells, row 0 at the top. Empty: the global 0.25° EPSG:4326 grid (1440 x 720 cells). Files with their own georeferencing keep it.</source>
        <translation>不含地理参考信息的格网（如 HDF5）的外边界（xmin, xmax, ymin, ymax，采用 CRS 的单位）：该矩形被均匀划分为格网单元，第 0 行位于顶部。留空：全球 0.25° EPSG:4326 格网（1440 x 720 个格网单元）。自带地理参考信息的文件保持其原有地理参考。</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="131"/>
        <source>Coordinate reference system of EXTENT and of the grids without georeferencing (default EPSG:4326, longitude/latitude in degrees). A CRS other than EPSG:4326 needs EXTENT as well.</source>
        <translation>EXTENT 以及不含地理参考信息的格网的坐标参考系（默认 EPSG:4326，以度为单位的经纬度）。EPSG:4326 以外的坐标参考系还需要给出 EXTENT。</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="60"/>
        <source>Units of value × SCALE + OFFSET: celsius (°C, default) or kelvin (K; 273.15 is subtracted to get °C). The algorithms compute in °C.</source>
        <translation>值 × SCALE + OFFSET 的单位：celsius（°C，默认）或 kelvin（K；减去 273.15 得到 °C）。算法均以 °C 计算。</translation>
    </message>
    <message>
        <location filename="../qgis_io/point_series.py" line="91"/>
        <source>The {} layer has no field {!r} (fields: {})</source>
        <translation>{} 图层没有字段 {!r}（现有字段：{}）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="29"/>
        <source>The {} layer has no field {!r}: {}</source>
        <translation>{} 图层没有字段 {!r}：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="45"/>
        <source>choose the elevation field of both epochs, or leave ELEVATION_FIELD empty to use the points&apos; Z</source>
        <translation>请选择两期共有的高程字段，或将 ELEVATION_FIELD 留空以使用点的 Z 值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/altimetry_difference.py" line="48"/>
        <source>choose a date field of both epochs as DATE_FIELD, or give YEARS</source>
        <translation>请选择两期共有的日期字段作为 DATE_FIELD，或给出 YEARS</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="34"/>
        <source>INPUT has no field {}: its fields are {}; choose GST_FIELD and LST_FIELDS among them</source>
        <translation>INPUT 没有字段 {}：其字段为 {}；请从中选择 GST_FIELD 和 LST_FIELDS</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="155"/>
        <source>The output {} ({}) is one of the inputs ({}): choose another output name so the input is kept</source>
        <translation>输出 {}（{}）是输入之一（{}）：请另选输出名称，以保留该输入</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="164"/>
        <source>The output {} ({}) is a folder: give a file name inside it</source>
        <translation>输出 {}（{}）是一个文件夹：请给出其中的文件名</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="168"/>
        <source>The folder of the output {} does not exist: {}; create it or choose another folder</source>
        <translation>输出 {} 的文件夹不存在：{}；请创建该文件夹或另选文件夹</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="172"/>
        <source>The folder of the output {} cannot be written (read-only or no permission): {}; choose a folder you can write to</source>
        <translation>输出 {} 的文件夹无法写入（只读或无权限）：{}；请选择可写入的文件夹</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="317"/>
        <source>a row could not be written ({})</source>
        <translation>有一行无法写入（{}）</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="326"/>
        <source>only {} of {} rows reached the file (is the disk full?)</source>
        <translation>只有 {} 行（共 {} 行）写入了文件（磁盘是否已满？）</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="347"/>
        <source>Out of memory ({}): process a smaller EXTENT or period, or close other programs; no output was written</source>
        <translation>内存不足（{}）：请处理更小的 EXTENT 或时段，或关闭其他程序；未写出任何输出</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="349"/>
        <source>an array did not fit</source>
        <translation>数组无法放入内存</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="360"/>
        <source>The disk is full: {} could not be written ({} free in {}). Free some space or choose an output folder on another disk; no output was written</source>
        <translation>磁盘已满：无法写入 {}（剩余 {}，位于 {}）。请释放空间，或将输出文件夹选在另一个磁盘上；未写出任何输出</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="370"/>
        <source>No permission to write or read {}: {}. Choose an output folder you can write to, and check that the inputs can be read; no output was written</source>
        <translation>没有写入或读取 {} 的权限：{}。请选择可写入的输出文件夹，并检查输入是否可读；未写出任何输出</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="375"/>
        <source>File or folder not found: {}; check the paths of the inputs and outputs</source>
        <translation>找不到文件或文件夹：{}；请检查输入和输出的路径</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="378"/>
        <source>An input could not be read, it looks damaged or incomplete ({}): download it again or leave it out; no output was written</source>
        <translation>某个输入无法读取，似乎已损坏或不完整（{}）：请重新下载或将其排除；未写出任何输出</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="382"/>
        <source>Reading or writing failed: {}. Check the files named above; no output was written</source>
        <translation>读取或写入失败：{}。请检查上面提到的文件；未写出任何输出</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="385"/>
        <source>Unexpected error ({}: {}); no output was written. This is a fault of the plugin: please report it with the log (the QGIS message log, tab Cryo, has the details)</source>
        <translation>意外错误（{}：{}）；未写出任何输出。这是插件的缺陷：请附上日志报告（QGIS 日志消息面板的 Cryo 选项卡中有详细信息）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="54"/>
        <source>Daily grids in one file (HDF5, or multi-band GeoTIFF/netCDF)</source>
        <translation>单个文件中的逐日格网（HDF5，或多波段 GeoTIFF/netCDF）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="54"/>
        <source>A file holding the daily grids; for a folder of daily files use INPUT_FOLDER (scripts may give the folder here too). Give INPUT or INPUT_FOLDER. Dates come from the file names (YYYYMMDD or YYYYDDD), the band descriptions, netCDF time, or START_DATE.</source>
        <translation>存放逐日格网的文件；逐日文件的文件夹请使用 INPUT_FOLDER（脚本也可在此给出文件夹）。请给出 INPUT 或 INPUT_FOLDER。日期取自文件名（YYYYMMDD 或 YYYYDDD）、波段描述、netCDF 时间或 START_DATE。</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="63"/>
        <source>…or a folder of daily files (HDF5 or GeoTIFF)</source>
        <translation>……或逐日文件的文件夹（HDF5 或 GeoTIFF）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="63"/>
        <source>A folder of daily HDF5 or GeoTIFF files whose names carry the date as YYYYMMDD or YYYYDDD, instead of INPUT. Give INPUT or INPUT_FOLDER.</source>
        <translation>逐日 HDF5 或 GeoTIFF 文件的文件夹，文件名中以 YYYYMMDD 或 YYYYDDD 标注日期，用于代替 INPUT。请给出 INPUT 或 INPUT_FOLDER。</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="84"/>
        <source>INPUT and INPUT_FOLDER are both given: give the daily grids once, as a file (INPUT) or as a folder (INPUT_FOLDER), and leave the other empty</source>
        <translation>同时给出了 INPUT 和 INPUT_FOLDER：逐日格网只需给出一次，作为文件（INPUT）或文件夹（INPUT_FOLDER），另一项请留空</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="87"/>
        <source>No input: give the daily grids as a file (INPUT: HDF5, multi-band GeoTIFF/netCDF) or as a folder of daily files (INPUT_FOLDER)</source>
        <translation>没有输入：请以文件（INPUT：HDF5、多波段 GeoTIFF/netCDF）或逐日文件的文件夹（INPUT_FOLDER）给出逐日格网</translation>
    </message>
    <message>
        <location filename="../qgis_io/cells.py" line="60"/>
        <source>Row {}: the value {} in field {} is not a finite number; correct it, or leave the cell empty for a missing value</source>
        <translation>第 {} 行：值 {}（字段 {}）不是有限数值；请更正，或将该单元格留空表示缺测</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="55"/>
        <source>; for percent ice = 100 × ice / (ice + water) set VALUE_FIELD to ice and WATER_FIELD to water</source>
        <translation>；若要计算冰覆盖百分比 = 100 × ice / (ice + water)，请将 VALUE_FIELD 设为 ice，WATER_FIELD 设为 water</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="66"/>
        <source>{}: no field {!r}, read as the series of lake {} (named after the file)</source>
        <translation>{}：没有字段 {!r}，按以文件命名的湖泊 {} 的序列读取</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="74"/>
        <source>WATER_FIELD gives percent ice (100 × ice / (ice + water)): set VALUE_TYPE to ice_percent, or leave WATER_FIELD empty</source>
        <translation>WATER_FIELD 给出冰覆盖百分比（100 × ice / (ice + water)）：请将 VALUE_TYPE 设为 ice_percent，或将 WATER_FIELD 留空</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="24"/>
        <source>&lt;p&gt;&lt;b&gt;PRODUCT&lt;/b&gt; says which code table the grids follow (auto: from the file and dataset names, or the table a decoded stack records; the choice is logged): &lt;i&gt;amsr_tpdc&lt;/i&gt; AMSR-E/AMSR2 and Tibetan Plateau products (0 water or missing, 1 frozen, 2 thawed, 3 precipitation, 15 perennial snow/ice; names like AMSR_YYYYMMDD_FT_25.h5, YYYYDOY_FT_State05.h5); &lt;i&gt;smap_l3ft&lt;/i&gt; SMAP L3 FT (0 thawed, 1 frozen, 254 no retrieval; SMAP_L3_FT_*, SPL3FT*); &lt;i&gt;nsidc0477&lt;/i&gt; MEaSUREs FT-ESDR (0 frozen, 1 thawed, 2 transitional, 3 inverse transitional, 252-254 no data, outside the domain, open water); &lt;i&gt;custom&lt;/i&gt;: a CSV PRODUCT_TABLE with the columns value, class (frozen, thawed, precipitation, transitional or missing), label, colour (#rrggbb). Any other value (fill 255 included) is unknown: counted in unknown_km2 and the log, written as nodata 255, a missing day for the indicators.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;PRODUCT&lt;/b&gt; 指定格网所遵循的代码表（auto：根据文件名和数据集名称，或已解码数据栈记录的代码表自动判断，并在日志中说明）：&lt;i&gt;amsr_tpdc&lt;/i&gt; AMSR-E/AMSR2 及青藏高原产品（0 水体或缺测，1 冻结，2 融化，3 降水，15 常年积雪/冰；文件名如 AMSR_YYYYMMDD_FT_25.h5、YYYYDOY_FT_State05.h5）；&lt;i&gt;smap_l3ft&lt;/i&gt; SMAP L3 冻融产品（0 融化，1 冻结，254 无反演值；SMAP_L3_FT_*、SPL3FT*）；&lt;i&gt;nsidc0477&lt;/i&gt; MEaSUREs FT-ESDR（0 冻结，1 融化，2 过渡，3 反向过渡，252-254 无数据、区域之外、开阔水面）；&lt;i&gt;custom&lt;/i&gt;：CSV 格式的 PRODUCT_TABLE，列为 value、class（frozen、thawed、precipitation、transitional 或 missing）、label、colour（#rrggbb）。其他任何值（包括填充值 255）均为未知：计入 unknown_km2 和日志，写为无数据值 255，指标计算中视为缺测日。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="40"/>
        <source>Freeze/thaw product (code table)</source>
        <translation>冻融产品（代码表）</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="40"/>
        <source>The product whose code table the grids follow: auto (default, from the file and dataset names; the log says which), amsr_tpdc, smap_l3ft, nsidc0477, or custom (give PRODUCT_TABLE).</source>
        <translation>格网所遵循代码表的产品：auto（默认，根据文件名和数据集名称判断，日志中说明结果）、amsr_tpdc、smap_l3ft、nsidc0477，或 custom（需给出 PRODUCT_TABLE）。</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="48"/>
        <source>Code table of a custom product (CSV)</source>
        <translation>自定义产品的代码表（CSV）</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="48"/>
        <source>Only for PRODUCT = custom: a CSV with the header value,class,label,colour and one row per code (value 0-254; class frozen, thawed, precipitation, transitional or missing; colour #rrggbb).</source>
        <translation>仅用于 PRODUCT = custom：表头为 value,class,label,colour 的 CSV，每个代码一行（value 0-254；class 为 frozen、thawed、precipitation、transitional 或 missing；colour 为 #rrggbb）。</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="64"/>
        <source>Product {} ({}): {}; codes {}</source>
        <translation>产品 {}（{}）：{}；代码 {}</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="20"/>
        <source>&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: one HDF5 file (a 3-D dataset time x row x column, or a 2-D grid for one day), a folder of daily HDF5 or GeoTIFF files whose names carry the date as YYYYMMDD or YYYYDDD (e.g. AMSR_20070125_FT_25.h5), or a multi-band GeoTIFF/netCDF whose band descriptions are ISO dates (as this plugin writes them), or a netCDF/HDF4 variable (MODIS .hdf files; folders of them are dated by AYYYYDDD in their names). HDF5 files carry no georeferencing: they are placed on the global 0.25° EPSG:4326 grid (1440 x 720, row 0 at 90°N) unless an extent and CRS are given; SMAP granules on the EASE-Grid 2.0 (EPSG:6933 global, EPSG:6931 north, 36 or 9 km) and NSIDC-0477 on the EASE-Grid 1.0 are recognised by their shape and name.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：一个 HDF5 文件（三维数据集 时间 x 行 x 列，或某一天的二维格网）；一个逐日 HDF5 或 GeoTIFF 文件的文件夹，文件名以 YYYYMMDD 或 YYYYDDD 表示日期（例如 AMSR_20070125_FT_25.h5）；一个多波段 GeoTIFF/netCDF，其波段描述为 ISO 日期（本插件即如此写出）；或一个 netCDF/HDF4 变量（MODIS .hdf 文件；其文件夹按文件名中的 AYYYYDDD 确定日期）。HDF5 文件不含地理参考信息：除非给出范围和坐标参考系，否则将其置于全球 0.25° EPSG:4326 格网上（1440 x 720，第 0 行位于 90°N）；SMAP 数据文件（EASE-Grid 2.0：EPSG:6933 全球、EPSG:6931 北极，36 或 9 km）和 NSIDC-0477（EASE-Grid 1.0）根据其形状和文件名自动识别。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="103"/>
        <source>Name of the grid to read in every file: an HDF5 dataset path such as /Geophysical_Data/ft (the leading / may be left out), a netCDF variable (inside netCDF-4 groups: /Freeze_Thaw_Retrieval_Data_Global/transition_direction) or an HDF4 subdataset (MODIS: LST_Day_1km). The last part of the path alone (transition_direction) is enough when only one group has it. Needed only when a file holds more than one 2-D or 3-D grid; not used for GeoTIFF.</source>
        <translation>每个文件中要读取的格网名称：HDF5 数据集路径，例如 /Geophysical_Data/ft（开头的 / 可省略），netCDF 变量（netCDF-4 组中的变量：/Freeze_Thaw_Retrieval_Data_Global/transition_direction），或 HDF4 子数据集（MODIS：LST_Day_1km）。只有一个组含有该名称时，只给路径的最后一部分（transition_direction）即可。仅当文件含有多个二维或三维格网时才需要；GeoTIFF 不使用此项。</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="139"/>
        <source>Satellite pass of granules holding AM and PM (SMAP)</source>
        <translation>含上午和下午过境的数据文件所用的过境（SMAP）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="139"/>
        <source>SMAP L3 granules (freeze/thaw SPL3FTP, soil moisture) store one day as two passes of one array: am = the descending pass at about 6 am local solar time, pm = the ascending pass at about 6 pm, combined = AM where AM has a valid value, else PM. auto = combined for files with an AM/PM pass dimension, ignored for other files. Either way such a granule is ONE date (from its name, e.g. SMAP_L3_FT_P_20180616_R16020_001.h5, or START_DATE), never two consecutive days.</source>
        <translation>SMAP L3 数据文件（冻融 SPL3FTP、土壤水分）将一天存为同一数组的两次过境：am = 当地太阳时约上午 6 点的降轨过境，pm = 约下午 6 点的升轨过境，combined = 上午有有效值处取上午，否则取下午。auto = 对含上午/下午过境维的文件取 combined，其他文件忽略此项。无论哪种情况，这样的数据文件都是一个日期（取自文件名，例如 SMAP_L3_FT_P_20180616_R16020_001.h5，或 START_DATE），绝不会变成连续的两天。</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="20"/>
        <source>&lt;p&gt;Stored values become °C as value × SCALE + OFFSET, minus 273.15 when UNITS = kelvin (MODIS LST: SCALE 0.02, UNITS kelvin; its 0 = no retrieval is the band's nodata). SCALE and OFFSET left empty take the file's own scale_factor and add_offset (MODIS HDF4 files say 0.02), else 1 and 0. Nodata and NaN are missing days. Temperatures outside −100..100 °C after this conversion are refused with the likely cause (Kelvin read as °C, a missing SCALE).&lt;/p&gt;</source>
        <translation>&lt;p&gt;存储值按 值 × SCALE + OFFSET 换算为 °C，UNITS = kelvin 时再减去 273.15（MODIS 陆表温度：SCALE 0.02，UNITS kelvin；其 0 = 无反演值，即该波段的无数据值）。SCALE 和 OFFSET 留空时，取文件自带的 scale_factor 和 add_offset（MODIS HDF4 文件为 0.02），否则取 1 和 0。无数据值和 NaN 视为缺测日。换算后超出 −100..100 °C 的温度将被拒绝，并给出可能的原因（把开尔文当作 °C 读取、缺少 SCALE）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="42"/>
        <source>Scale factor of stored values (empty: the file&apos;s own, else 1)</source>
        <translation>存储值的比例因子（为空：取文件自带值，否则为 1）</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="42"/>
        <source>Factor the stored values are multiplied by before OFFSET is added. Empty (default): the scale_factor the file gives for the dataset (MODIS LST HDF4 files: 0.02), else 1 (values stored as temperatures). MODIS LST (MOD11/MYD11): 0.02, with UNITS = kelvin.</source>
        <translation>存储值在加上 OFFSET 之前所乘的因子。为空（默认）：取文件为该数据集给出的 scale_factor（MODIS 陆表温度 HDF4 文件：0.02），否则为 1（存储值即为温度）。MODIS 陆表温度（MOD11/MYD11）：0.02，并设 UNITS = kelvin。</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="51"/>
        <source>Offset added after scaling (empty: the file&apos;s own, else 0)</source>
        <translation>缩放后加上的偏移量（为空：取文件自带值，否则为 0）</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="51"/>
        <source>Added to the scaled values, in the units of UNITS. Empty (default): the add_offset the file gives, else 0. Use it for products packed as value × scale + offset; the 273.15 of kelvin is subtracted by UNITS, not here.</source>
        <translation>加到缩放后数值上的量，单位与 UNITS 相同。为空（默认）：取文件给出的 add_offset，否则为 0。用于按 值 × 比例 + 偏移 打包存储的产品；开尔文的 273.15 由 UNITS 扣除，不在此处设置。</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="84"/>
        <source>The inputs are packed differently ({}): give SCALE and OFFSET</source>
        <translation>各输入的打包方式不同（{}）：请给出 SCALE 和 OFFSET</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="92"/>
        <source>Stored values read as value × {:g} + {:g} ({}; {})</source>
        <translation>存储值按 值 × {:g} + {:g} 读取（{}；{}）</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="52"/>
        <source>every algorithm</source>
        <translation>所有算法</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="52"/>
        <source>every algorithm: GDAL&apos;s Python bindings</source>
        <translation>所有算法：GDAL 的 Python 绑定</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="52"/>
        <source>HDF5 inputs: .h5 daily grids and granules</source>
        <translation>HDF5 输入：.h5 逐日格网和数据文件</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="52"/>
        <source>the trend and the DEM difference</source>
        <translation>趋势和 DEM 差分</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="52"/>
        <source>the Time series dock</source>
        <translation>时间序列停靠面板</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="52"/>
        <source>Excel lake-ice tables, else read through GDAL</source>
        <translation>Excel 湖冰表格，否则通过 GDAL 读取</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="75"/>
        <source>In the OSGeo4W Shell (Start menu, QGIS folder; as administrator) run: {command}</source>
        <translation>在 OSGeo4W Shell（开始菜单的 QGIS 文件夹中；以管理员身份）中运行：{command}</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="77"/>
        <source>In the Terminal run: {command}</source>
        <translation>在终端中运行：{command}</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="78"/>
        <source>In a terminal run: {command}</source>
        <translation>在终端中运行：{command}</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="79"/>
        <source>In the conda environment of QGIS run: {command}</source>
        <translation>在 QGIS 所在的 conda 环境中运行：{command}</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="80"/>
        <source>Install with your distribution&apos;s package manager, or into the Python QGIS uses: {command}</source>
        <translation>请用发行版的包管理器安装，或安装到 QGIS 所用的 Python 中：{command}</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="83"/>
        <source>GDAL&apos;s Python bindings (osgeo) come with QGIS: repair or reinstall QGIS with them.</source>
        <translation>GDAL 的 Python 绑定（osgeo）随 QGIS 提供：请修复或重新安装带有它的 QGIS。</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="85"/>
        <source>Then restart QGIS.</source>
        <translation>然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="86"/>
        <source>The plugin installs nothing by itself.</source>
        <translation>本插件不会自行安装任何软件包。</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="87"/>
        <source>Missing from the Python of QGIS: {packages}.</source>
        <translation>QGIS 的 Python 中缺少：{packages}。</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="88"/>
        <source>{package} (for {purpose})</source>
        <translation>{package}（用于{purpose}）</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="22"/>
        <source>Cryosphere</source>
        <translation>冰冻圈</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="54"/>
        <source>Missing Python package(s) {}: install, then restart QGIS.</source>
        <translation>缺少 Python 软件包 {}：请安装，然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="58"/>
        <source>Some parts of the plugin are off until these packages are installed: the algorithms that need them are listed but refuse to run, and say what to install; the other tools work.</source>
        <translation>在安装这些软件包之前，插件的部分功能不可用：需要它们的算法仍会列出，但会拒绝运行并说明需要安装什么；其他工具照常可用。</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="67"/>
        <source>This algorithm cannot run with these inputs.</source>
        <translation>使用这些输入时本算法无法运行。</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="76"/>
        <source>This algorithm cannot run here until the missing package is installed.</source>
        <translation>在安装缺少的软件包之前，本算法无法在此运行。</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="78"/>
        <source>Inputs that need the missing package are refused until it is installed; other inputs work.</source>
        <translation>在安装缺少的软件包之前，需要它的输入将被拒绝；其他输入照常可用。</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="86"/>
        <source>The Time series dock cannot open.</source>
        <translation>时间序列停靠面板无法打开。</translation>
    </message>
    <message>
        <location filename="../dependencies.py" line="105"/>
        <source>The plugin is not loaded.</source>
        <translation>插件未加载。</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="218"/>
        <source>The output {} ({}) is the file of the layer &apos;{}&apos;, which is being edited: save or discard its edits and remove it from the project, or choose another output name</source>
        <translation>输出 {}（{}）是图层“{}”的文件，该图层正在编辑中：请保存或放弃其编辑并将其从项目中移除，或另选输出名称</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="223"/>
        <source>The output {} ({}) is open in QGIS as the layer &apos;{}&apos;, and Windows cannot replace a file that is open: remove the layer from the project (Layers panel, right-click, Remove Layer) and run again, or choose another output name</source>
        <translation>输出 {}（{}）在 QGIS 中作为图层“{}”打开，而 Windows 无法替换已打开的文件：请将该图层从项目中移除（图层面板，右键，移除图层）后重新运行，或另选输出名称</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="365"/>
        <source>{} could not be replaced because it is open, in QGIS as a layer or in another program (a spreadsheet, another QGIS): close it or remove the layer from the project and run again, or choose another output name</source>
        <translation>{} 无法替换，因为它已被打开（在 QGIS 中作为图层，或在其他程序中，如电子表格、另一个 QGIS）：请关闭它或将图层从项目中移除后重新运行，或另选输出名称</translation>
    </message>
    <message>
        <location filename="../qgis_io/point_series.py" line="43"/>
        <source>The {} layer: feature {} is a multipoint of {} points; give one point per time series (Vector &gt; Geometry Tools &gt; Multipart to Singleparts)</source>
        <translation>{} 图层：要素 {} 是包含 {} 个点的多点；每条时间序列请给一个点（矢量 &gt; 几何工具 &gt; 多部件转单部件）</translation>
    </message>
    <message>
        <location filename="../qgis_io/point_series.py" line="49"/>
        <source>The {} layer must hold points; feature {} is a {}</source>
        <translation>{} 图层必须为点；要素 {} 是 {}</translation>
    </message>
    <message>
        <location filename="../qgis_io/point_series.py" line="84"/>
        <source>The {} layer has the fields field_1, field_2, ...: GDAL took the CSV&apos;s header for a row of data because its date names look like numbers. Open the CSV with its header (Layer &gt; Add Delimited Text Layer, &apos;First record has field names&apos;; or the OGR open option HEADERS=YES), or give the CSV file itself</source>
        <translation>{} 图层的字段为 field_1、field_2……：由于日期列名看起来像数字，GDAL 把 CSV 的表头当成了一行数据。请带表头打开该 CSV（图层 &gt; 添加分隔文本图层，勾选“首条记录为字段名”；或使用 OGR 打开选项 HEADERS=YES），或直接给出 CSV 文件本身</translation>
    </message>
    <message>
        <location filename="../qgis_io/point_series.py" line="130"/>
        <source>The {} layer has no point</source>
        <translation>{} 图层没有点</translation>
    </message>
    <message>
        <location filename="../qgis_io/point_series.py" line="133"/>
        <source>The {} layer: {} features without geometry skipped</source>
        <translation>{} 图层：跳过了 {} 个没有几何的要素</translation>
    </message>
    <message>
        <location filename="../qgis_io/point_series.py" line="135"/>
        <source>The {} layer: {} points × {} dates {} .. {}</source>
        <translation>{} 图层：{} 个点 × {} 个日期 {} .. {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="350"/>
        <source>LE90: 90th percentile of |stable dh| after co-registration (m)</source>
        <translation>LE90：配准后稳定地形 |dh| 的第 90 百分位数（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="352"/>
        <source>CE90 of the horizontal co-registration (m)</source>
        <translation>水平配准的 CE90（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain median dh after, slope 0-10° (m)</source>
        <translation>配准后稳定地形 dh 中位数，坡度 0-10°（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain NMAD after, slope 0-10° (m)</source>
        <translation>配准后稳定地形 NMAD，坡度 0-10°（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain median dh after, slope 10-20° (m)</source>
        <translation>配准后稳定地形 dh 中位数，坡度 10-20°（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain NMAD after, slope 10-20° (m)</source>
        <translation>配准后稳定地形 NMAD，坡度 10-20°（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain median dh after, slope 20-30° (m)</source>
        <translation>配准后稳定地形 dh 中位数，坡度 20-30°（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain NMAD after, slope 20-30° (m)</source>
        <translation>配准后稳定地形 NMAD，坡度 20-30°（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain median dh after, slope 30-40° (m)</source>
        <translation>配准后稳定地形 dh 中位数，坡度 30-40°（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain NMAD after, slope 30-40° (m)</source>
        <translation>配准后稳定地形 NMAD，坡度 30-40°（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain median dh after, slope over 40° (m)</source>
        <translation>配准后稳定地形 dh 中位数，坡度 40° 以上（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="363"/>
        <source>Stable-terrain NMAD after, slope over 40° (m)</source>
        <translation>配准后稳定地形 NMAD，坡度 40° 以上（m）</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="38"/>
        <source>Snow</source>
        <translation>积雪</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="353"/>
        <source>Stable reference points used (inliers)</source>
        <translation>使用的稳定参考点（内点）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="354"/>
        <source>Median of point − DEM before co-registration (m)</source>
        <translation>配准前 点 − DEM 的中位数（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="356"/>
        <source>NMAD of point − DEM before co-registration (m)</source>
        <translation>配准前 点 − DEM 的 NMAD（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="358"/>
        <source>Median of point − aligned DEM after co-registration (m)</source>
        <translation>配准后 点 − 配准后 DEM 的中位数（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="360"/>
        <source>NMAD of point − aligned DEM after co-registration (m)</source>
        <translation>配准后 点 − 配准后 DEM 的 NMAD（m）</translation>
    </message>
    <message>
        <location filename="../core/optional.py" line="52"/>
        <source>DASK_SCHEDULER: computing on a dask cluster, else in QGIS</source>
        <translation>DASK_SCHEDULER：在 dask 集群上计算，否则在 QGIS 中计算</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="12"/>
        <source>Nuth &amp; Kääb (2011): horizontal and vertical shift</source>
        <translation>Nuth &amp; Kääb (2011)：水平和垂直偏移</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="13"/>
        <source>Vertical shift only (median stable dh)</source>
        <translation>仅垂直偏移（稳定区 dh 中位数）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="14"/>
        <source>None: use the DEM as it is</source>
        <translation>无：按原样使用 DEM</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="19"/>
        <source>None: voids stay empty</source>
        <translation>无：空洞保持为空</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="20"/>
        <source>Linear interpolation (Delaunay)</source>
        <translation>线性插值（Delaunay）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="21"/>
        <source>Local hypsometric (median dh per 50 m band)</source>
        <translation>局部高程分带法（每 50 m 高程带的 dh 中位数）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="26"/>
        <source>Automatic (from the file: MintPy metres, EGMS millimetres)</source>
        <translation>自动（根据文件：MintPy 为米，EGMS 为毫米）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="27"/>
        <source>Metres</source>
        <translation>米</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="28"/>
        <source>Millimetres</source>
        <translation>毫米</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="33"/>
        <source>None: fit the displacements as given</source>
        <translation>无：按原样拟合形变量</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="34"/>
        <source>One incidence angle for the scene (INCIDENCE_ANGLE)</source>
        <translation>整景使用一个入射角（INCIDENCE_ANGLE）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="35"/>
        <source>Incidence angle of each pixel (INCIDENCE_RASTER)</source>
        <translation>逐像元入射角（INCIDENCE_RASTER）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="36"/>
        <source>Incidence angle of each point (EGMS incidence_angle column)</source>
        <translation>逐点入射角（EGMS incidence_angle 列）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="42"/>
        <source>Ground surface temperature (only rk applies)</source>
        <translation>地表温度（仅应用 rk）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="43"/>
        <source>Air temperature (n-factors applied)</source>
        <translation>气温（应用 n 因子）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="48"/>
        <source>Chang et al. (1987): a = 1.59 cm/K, b = 0</source>
        <translation>Chang et al. (1987)：a = 1.59 cm/K，b = 0</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="49"/>
        <source>Che et al. (2008), China: a = 0.66 cm/K, b = 1.97 cm</source>
        <translation>Che et al. (2008)，中国：a = 0.66 cm/K，b = 1.97 cm</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="50"/>
        <source>Custom (COEFFICIENT_A, COEFFICIENT_B)</source>
        <translation>自定义（COEFFICIENT_A、COEFFICIENT_B）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="55"/>
        <source>Thawed days</source>
        <translation>融化天数</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="56"/>
        <source>Missing days (they break the runs)</source>
        <translation>缺测天数（会中断连续段）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="61"/>
        <source>Ice cover in percent (0-100)</source>
        <translation>冰覆盖百分比（0-100）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="62"/>
        <source>Ice fraction (0-1)</source>
        <translation>冰覆盖比例（0-1）</translation>
    </message>
    <message>
        <location filename="../processing/option_labels.py" line="63"/>
        <source>Brightness temperature (K, passive microwave)</source>
        <translation>亮温（K，被动微波）</translation>
    </message>
    <message>
        <location filename="../processing/output_loading.py" line="33"/>
        <source>Could not style the layer {}: {}</source>
        <translation>无法为图层 {} 设置样式：{}</translation>
    </message>
    <message>
        <location filename="../processing/parameters.py" line="16"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="17"/>
        <source>Automatic (from the file and dataset names)</source>
        <translation>自动（根据文件名和数据集名称）</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="18"/>
        <source>AMSR-E/AMSR2 and Tibetan Plateau (TPDC) freeze/thaw</source>
        <translation>AMSR-E/AMSR2 及青藏高原（TPDC）冻融</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="19"/>
        <source>SMAP L3 radiometer freeze/thaw (SPL3FTP, SPL3FTA)</source>
        <translation>SMAP L3 辐射计冻融（SPL3FTP、SPL3FTA）</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="20"/>
        <source>MEaSUREs FT-ESDR (NSIDC-0477)</source>
        <translation>MEaSUREs FT-ESDR（NSIDC-0477）</translation>
    </message>
    <message>
        <location filename="../processing/product_parameters.py" line="21"/>
        <source>Custom code table (PRODUCT_TABLE)</source>
        <translation>自定义代码表（PRODUCT_TABLE）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="42"/>
        <source>Automatic (combined for granules with AM and PM)</source>
        <translation>自动（同时含 AM 和 PM 的数据粒合并）</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="43"/>
        <source>AM: descending pass, about 6 am local time</source>
        <translation>AM：降轨，当地时间约上午 6 点</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="44"/>
        <source>PM: ascending pass, about 6 pm local time</source>
        <translation>PM：升轨，当地时间约下午 6 点</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="45"/>
        <source>Combined: AM where valid, else PM</source>
        <translation>合并：有效处取 AM，否则取 PM</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="35"/>
        <source>Degrees Celsius (°C)</source>
        <translation>摄氏度（°C）</translation>
    </message>
    <message>
        <location filename="../processing/temperature_parameters.py" line="36"/>
        <source>Kelvin (K)</source>
        <translation>开尔文（K）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="102"/>
        <source>LAKES has no field {!r} (fields: {}): set LAKE_FIELD to the field of the lake ids</source>
        <translation>LAKES 没有字段 {!r}（字段：{}）：请将 LAKE_FIELD 设为湖泊编号所在的字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="108"/>
        <source>None of the table&apos;s lakes ({}) is a {} of the LAKES polygons ({}): the table&apos;s lake column must hold the polygons&apos; LAKE_FIELD values</source>
        <translation>表中的湖泊（{}）没有一个是 LAKES 多边形的 {}（{}）：表的湖泊列必须包含多边形的 LAKE_FIELD 值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="112"/>
        <source>Lakes of the table without a polygon: {}</source>
        <translation>表中没有对应多边形的湖泊：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="112"/>
        <source>Polygons without a series in the table: {}</source>
        <translation>表中没有序列的多边形：{}</translation>
    </message>
    <message>
        <location filename="../processing/guard.py" line="280"/>
        <source>No destination for the output {}: give it a file name (with qgis_process on QGIS 3.22 name every required output, in a workflow as step:output)</source>
        <translation>输出 {} 没有目标：请为其指定文件名（在 QGIS 3.22 上使用 qgis_process 时需为每个必需输出命名，工作流中写作 步骤:输出）</translation>
    </message>
</context>
<context>
    <name>CryoProvider</name>
    <message>
        <location filename="../processing/provider.py" line="26"/>
        <source>Cryosphere</source>
        <translation>冰冻圈</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="50"/>
        <source>Could not load the workflow {}</source>
        <translation>无法加载工作流 {}</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="29"/>
        <source>Cryosphere Toolkit (freeze/thaw, permafrost, glaciers, lake ice, snow)</source>
        <translation>冰冻圈工具箱（冻融、多年冻土、冰川、湖冰、积雪）</translation>
    </message>
</context>
<context>
    <name>DateSlider</name>
    <message>
        <location filename="../gui/date_slider.py" line="87"/>
        <source>Previous date</source>
        <translation>上一日期</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="89"/>
        <source>Date of the map&apos;s stacks: arrow keys step a day, Page Up/Down a month</source>
        <translation>地图数据栈的日期：方向键按天步进，Page Up/Down 按月步进</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="91"/>
        <source>Next date</source>
        <translation>下一日期</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="95"/>
        <source>Frames…</source>
        <translation>帧…</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="96"/>
        <source>Write one PNG of the map per date (the Temporal Controller&apos;s own export, its movie button, offers more settings)</source>
        <translation>为每个日期写出一幅地图 PNG（时态控制器自带的导出功能，即其影片按钮，提供更多设置）</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="96"/>
        <source>Write one PNG of the map per date</source>
        <translation>为每个日期写出一幅地图 PNG</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="144"/>
        <source>No dated stack ticked</source>
        <translation>未勾选带日期的数据栈</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="241"/>
        <source>Folder for the frames (one PNG per date)</source>
        <translation>帧的输出文件夹（每个日期一个 PNG）</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="256"/>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../gui/date_slider.py" line="256"/>
        <source>{} frames written to {}</source>
        <translation>已将 {} 帧写入 {}</translation>
    </message>
</context>
<context>
    <name>DecodeFreezeThaw</name>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="40"/>
        <source>Decode freeze/thaw product</source>
        <translation>解码冻融产品</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="43"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="44"/>
        <source>&lt;p&gt;Decodes daily passive-microwave soil freeze/thaw grids (AMSR-E/AMSR2 global 0.25° product, Tibetan Plateau 25 km product; codes {}) into a georeferenced GeoTIFF with one band per day (band description = ISO date, codes unchanged, styled with the product's colours) and a CSV table of the daily area of each class in km².&lt;/p&gt;</source>
        <translation>&lt;p&gt;将逐日被动微波土壤冻融格网（AMSR-E/AMSR2 全球 0.25° 产品、青藏高原 25 km 产品；代码 {}）解码为带地理参考的 GeoTIFF，每天一个波段（波段描述 = ISO 日期，代码保持不变，并按产品配色设置样式），同时输出每日各类别面积（km²）的 CSV 表。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="60"/>
        <source>First date to decode, YYYY-MM-DD (empty: first date of the input)</source>
        <translation>解码起始日期，YYYY-MM-DD（留空：输入的第一个日期）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="66"/>
        <source>Last date to decode, YYYY-MM-DD (empty: last date of the input)</source>
        <translation>解码结束日期，YYYY-MM-DD（留空：输入的最后一个日期）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="72"/>
        <source>Region for the area statistics (polygons)</source>
        <translation>面积统计区域（多边形）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="79"/>
        <source>Decoded freeze/thaw stack (one band per day)</source>
        <translation>解码后的冻融数据栈（每天一个波段）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="84"/>
        <source>Daily class areas (km²)</source>
        <translation>每日各类别面积（km²）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="84"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="91"/>
        <source>Number of dates decoded</source>
        <translation>已解码的日期数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="92"/>
        <source>First date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="93"/>
        <source>Last date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="94"/>
        <source>Pixel-days with unknown codes</source>
        <translation>未知代码的像元·日数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="109"/>
        <source>Statistics limited to {} MASK polygon(s)</source>
        <translation>统计范围限于 {} 个 MASK 多边形</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="117"/>
        <source>Decoded {} dates, {} .. {}</source>
        <translation>已解码 {} 个日期，{} .. {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="60"/>
        <source>Dates of the input before this one (YYYY-MM-DD) are left out of both the GeoTIFF and the table; the date itself is kept.</source>
        <translation>输入中早于该日期（YYYY-MM-DD）的日期不写入 GeoTIFF 和表格；该日期本身保留。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="66"/>
        <source>Dates of the input after this one (YYYY-MM-DD) are left out of both the GeoTIFF and the table; the date itself is kept.</source>
        <translation>输入中晚于该日期（YYYY-MM-DD）的日期不写入 GeoTIFF 和表格；该日期本身保留。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="72"/>
        <source>Polygons in any CRS (e.g. a basin or a permafrost region): the class areas count only the cells whose centre lies inside them. The GeoTIFF keeps the whole grid. Empty: the whole grid.</source>
        <translation>任意坐标参考系的多边形（例如流域或多年冻土区）：类别面积只统计中心位于多边形内的格网单元。GeoTIFF 仍保留整个格网。留空：整个格网。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="79"/>
        <source>GeoTIFF with one 8-bit band per day, described by its ISO date; the product&apos;s codes are kept unchanged (nodata 255) and styled with its class colours.</source>
        <translation>每天一个 8 位波段的 GeoTIFF，波段描述为其 ISO 日期；产品代码保持不变（无数据值 255），并按产品的类别颜色设置样式。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="49"/>
        <source>&lt;p&gt;&lt;b&gt;Areas&lt;/b&gt; use the true area of every cell: on a geographic grid the exact ellipsoidal quadrangle (Snyder 1987 eq. 3-12), on an equal-area grid (EASE-Grid 2.0, 1.0) the cell size. &lt;i&gt;frozen_fraction&lt;/i&gt; = frozen / (frozen + thawed + precipitation + transitional). An optional MASK limits the statistics (not the GeoTIFF) to cells whose centre lies inside its polygons; PERIOD_START/PERIOD_END select dates.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;面积&lt;/b&gt;按每个像元的真实面积计算：地理坐标格网用精确的椭球面四边形面积（Snyder 1987 式 3-12），等积格网（EASE-Grid 2.0、1.0）用像元大小。&lt;i&gt;frozen_fraction&lt;/i&gt; = 冻结 / （冻结 + 融化 + 降水 + 过渡）。可选的 MASK 将统计（而非 GeoTIFF）限制在中心位于其多边形内的像元；PERIOD_START/PERIOD_END 用于选择日期。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/decode_freezethaw.py" line="84"/>
        <source>CSV with one row per date: the area of each class and of unknown codes in km² (true cell areas, inside MASK) and frozen_fraction = frozen / (frozen + thawed + precipitation + transitional).</source>
        <translation>每个日期一行的 CSV：各类别及未知代码的面积（km²，按格网单元真实面积计算，限于 MASK 内），以及 frozen_fraction = 冻结 / （冻结 + 融化 + 降水 + 过渡）。</translation>
    </message>
</context>
<context>
    <name>DegreeDays</name>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="37"/>
        <source>Degree-day indices (freezing DDF, thawing DDT)</source>
        <translation>度日指数（冻结指数 DDF、融化指数 DDT）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="40"/>
        <source>&lt;p&gt;Per pixel and season year: DDF = Σ max(−T, 0) and DDT = Σ max(T, 0) over the season's days, with T the daily temperature in °C; both are positive °C·days (Smith &amp;amp; Riseborough 1996; Obu et al. 2019, eq. 1). A season year starts on YEAR_START (MM-DD, default 07-01, so a whole winter falls in one season) and is named by the calendar year it starts in; seasons the stack covers only in part are left out.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Missing days&lt;/b&gt; (nodata, clouds, dates absent from the stack): a run of at most MAX_GAP days is filled by linear interpolation in time between the values around it (at the very start or end of the record, with the nearest value); a season with a longer run is nodata for that pixel, and the log counts those pixels.&lt;/p&gt;</source>
        <translation>&lt;p&gt;逐像元、逐季节年计算：DDF = Σ max(−T, 0)，DDT = Σ max(T, 0)，对季节内各日求和，T 为以 °C 表示的逐日温度；两者均为正的 °C·日（Smith &amp;amp; Riseborough 1996；Obu et al. 2019, eq. 1）。季节年从 YEAR_START 开始（MM-DD，默认 07-01，使整个冬季落在同一季节内），以其开始的日历年命名；数据栈只覆盖一部分的季节将被略去。&lt;/p&gt;&lt;p&gt;&lt;b&gt;缺测日&lt;/b&gt;（无数据值、云、数据栈中缺少的日期）：连续不超过 MAX_GAP 天的缺测段用前后值在时间上线性插值填补（位于记录最开始或最末尾时取最近的值）；含更长缺测段的季节在该像元上为无数据值，日志中会统计这些像元。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="50"/>
        <source>&lt;p&gt;The stack is read once, date by date, keeping a few grids in memory whatever its length. Outputs: float32 GeoTIFFs with one band per season year named ddf_&amp;lt;year&amp;gt; / ddt_&amp;lt;year&amp;gt;, nodata -9999; inputs of &lt;i&gt;TTOP permafrost model&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;数据栈按日期只读取一遍，无论其长度如何，内存中只保留少量格网。输出：float32 GeoTIFF，每个季节年一个波段，命名为 ddf_&amp;lt;year&amp;gt; / ddt_&amp;lt;year&amp;gt;，无数据值 -9999；可作为 &lt;i&gt;TTOP 多年冻土模型&lt;/i&gt;的输入。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="58"/>
        <source>Daily temperature stack (GST, LST or air temperature)</source>
        <translation>逐日温度数据栈（地面温度、陆表温度或气温）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="64"/>
        <source>Season year starts on (MM-DD)</source>
        <translation>季节年开始日期（MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="69"/>
        <source>Longest run of missing days filled by interpolation (days)</source>
        <translation>插值填补的最长连续缺测天数（天）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="76"/>
        <source>Freezing index DDF (°C·days)</source>
        <translation>冻结指数 DDF（°C·日）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="80"/>
        <source>Thawing index DDT (°C·days)</source>
        <translation>融化指数 DDT（°C·日）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="84"/>
        <source>Season years computed (comma separated)</source>
        <translation>已计算的季节年（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="85"/>
        <source>Number of season years</source>
        <translation>季节年数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="113"/>
        <source>Season years: {}</source>
        <translation>季节年：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="59"/>
        <source>Daily temperatures (stored values turned into °C by SCALE, OFFSET and UNITS), e.g. the output of Apply GST model to LST stacks: a multi-band GeoTIFF/netCDF with dated bands, an HDF5 file or a folder of daily files.</source>
        <translation>逐日温度（存储值经 SCALE、OFFSET 和 UNITS 换算为 °C），例如“将地面温度模型应用于陆表温度数据栈”的输出：波段带日期的多波段 GeoTIFF/netCDF、HDF5 文件或逐日文件的文件夹。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="64"/>
        <source>Month and day (MM-DD) on which each season year begins; default 07-01, so that a whole northern winter falls in one season. A season is named by the calendar year it starts in.</source>
        <translation>每个季节年开始的月和日（MM-DD）；默认 07-01，使北半球的整个冬季落在同一季节内。季节以其开始所在的日历年命名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="69"/>
        <source>Runs of up to this many missing days (0-60, default 5) are filled by linear interpolation in time; a pixel with a longer run in a season is nodata for that season. 0: any missing day makes the season nodata.</source>
        <translation>不超过该天数（0-60，默认 5）的连续缺测按时间线性插值填补；某季节内有更长连续缺测的像元在该季节为无数据值。0：任何缺测日都会使该季节为无数据值。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="76"/>
        <source>Float32 GeoTIFF, one band per season year named ddf_YYYY: DDF = Σ max(−T, 0) in °C·days (positive); nodata −9999. The DDF input of TTOP permafrost model.</source>
        <translation>float32 GeoTIFF，每个季节年一个波段，命名为 ddf_YYYY：DDF = Σ max(−T, 0)，单位 °C·日（正值）；无数据值 −9999。作为“TTOP 多年冻土模型”的 DDF 输入。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/degree_days.py" line="80"/>
        <source>Float32 GeoTIFF, one band per season year named ddt_YYYY: DDT = Σ max(T, 0) in °C·days; nodata −9999. The DDT input of TTOP permafrost model.</source>
        <translation>float32 GeoTIFF，每个季节年一个波段，命名为 ddt_YYYY：DDT = Σ max(T, 0)，单位 °C·日；无数据值 −9999。作为“TTOP 多年冻土模型”的 DDT 输入。</translation>
    </message>
</context>
<context>
    <name>DemDifference</name>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="89"/>
        <source>DEM differencing: elevation, volume and mass change</source>
        <translation>DEM 差分：高程、体积与物质变化</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="156"/>
        <source>Reference DEM (kept fixed; usually the later one)</source>
        <translation>参考 DEM（保持不动；通常为较新的一期）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="162"/>
        <source>DEM to align (usually the earlier one)</source>
        <translation>待配准的 DEM（通常为较早的一期）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="167"/>
        <source>Glacier outlines (excluded from stable terrain; glacier statistics)</source>
        <translation>冰川边界（从稳定地形中排除；用于冰川统计）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="180"/>
        <source>Other unstable terrain to exclude (lakes, landslides, ...)</source>
        <translation>需排除的其他不稳定地形（湖泊、滑坡等）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="187"/>
        <source>Co-registration</source>
        <translation>配准</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="194"/>
        <source>Maximum Nuth &amp; Kääb iterations</source>
        <translation>Nuth &amp; Kääb 最大迭代次数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="200"/>
        <source>Outlier threshold in NMAD (0 = no filtering)</source>
        <translation>异常值阈值，以 NMAD 为单位（0 = 不过滤）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="207"/>
        <source>Glacier void filling</source>
        <translation>冰川空洞填补</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="215"/>
        <source>Date of the reference DEM (decimal year, for rates)</source>
        <translation>参考 DEM 的日期（小数年，用于计算速率）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="221"/>
        <source>Date of the DEM to align (decimal year, for rates)</source>
        <translation>待配准 DEM 的日期（小数年，用于计算速率）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="227"/>
        <source>Volume-to-mass conversion density (kg m⁻³)</source>
        <translation>体积-质量换算密度（kg m⁻³）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="233"/>
        <source>Density uncertainty (kg m⁻³)</source>
        <translation>密度不确定性（kg m⁻³）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="239"/>
        <source>Elevation change (m)</source>
        <translation>高程变化（m）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="244"/>
        <source>Aligned DEM</source>
        <translation>配准后的 DEM</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="257"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="257"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="309"/>
        <source>REFERENCE_YEAR and DEM_YEAR are not both given (or are equal): the volume change is computed, the mass-balance rate is not</source>
        <translation>REFERENCE_YEAR 和 DEM_YEAR 未同时给出（或二者相等）：将计算体积变化，但不计算物质平衡速率</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="162"/>
        <source>Elevations in metres, in the same vertical datum as REFERENCE; resampled bilinearly onto the REFERENCE grid, shifted by the co-registration and subtracted from REFERENCE.</source>
        <translation>以米为单位的高程，高程基准须与 REFERENCE 相同；经双线性重采样到 REFERENCE 格网，按配准结果平移后，由 REFERENCE 减去。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="167"/>
        <source>Polygons in any CRS (e.g. RGI outlines): left out of the stable terrain; cells whose centre lies inside give the glacier area, mean dh, volume and mass change, and are void-filled. Empty: no glacier results.</source>
        <translation>任意坐标参考系的多边形（例如 RGI 冰川边界）：从稳定地形中排除；中心位于其中的格网单元用于计算冰川面积、平均 dh、体积和物质变化，并进行空洞填补。留空：不输出冰川结果。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="180"/>
        <source>Polygons in any CRS of terrain that changed between the DEMs other than glaciers (lakes, landslides, rock glaciers, ...): left out of the stable terrain used for co-registration and errors.</source>
        <translation>任意坐标参考系的多边形，表示两期 DEM 之间发生变化的非冰川地形（湖泊、滑坡、石冰川等）：从用于配准和误差估计的稳定地形中排除。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="187"/>
        <source>nuth_kaab (default): horizontal and vertical shift from the aspect dependence of stable dh (Nuth &amp; Kääb 2011); vertical: only the median stable dh is removed; none: the DEM is used as it is.</source>
        <translation>nuth_kaab（默认）：由稳定地形 dh 对坡向的依赖关系求水平和垂直偏移（Nuth &amp; Kääb 2011）；vertical：只扣除稳定地形 dh 的中位数；none：按原样使用 DEM。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="194"/>
        <source>Upper limit (1-100, default 10) of the Nuth &amp; Kääb iterations; they stop earlier once the horizontal shift of an iteration is below a small fraction of a cell.</source>
        <translation>Nuth &amp; Kääb 迭代次数的上限（1-100，默认 10）；当某次迭代的水平偏移小于格网单元的很小一部分时提前停止。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="200"/>
        <source>k ≥ 0, default 3: stable cells farther than k NMAD from the stable median dh, and glacier cells farther than k NMAD from the median of their 50 m elevation band, become nodata (NMAD = 1.4826 · median absolute deviation). 0: no filtering.</source>
        <translation>k ≥ 0，默认 3：偏离稳定地形 dh 中位数超过 k 倍 NMAD 的稳定地形格网单元，以及偏离其所在 50 m 高程带中位数超过 k 倍 NMAD 的冰川格网单元，均设为无数据值（NMAD = 1.4826 · 绝对中位差）。0：不过滤。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="207"/>
        <source>How glacier cells without dh are filled before the volume change (McNabb et al. 2019). local_hypsometric (default): the median dh of the same glacier in the same 50 m elevation band (all glaciers together for glaciers with under 20 valid cells); linear: Delaunay interpolation; none: voids stay empty.</source>
        <translation>计算体积变化前如何填补没有 dh 的冰川格网单元（McNabb et al. 2019）。local_hypsometric（默认）：取同一冰川同一 50 m 高程带的 dh 中位数（有效格网单元少于 20 个的冰川使用全部冰川合计的值）；linear：Delaunay 插值；none：空洞保持为空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="215"/>
        <source>Acquisition date of REFERENCE as a decimal year (e.g. 2019.7). With DEM_YEAR it gives the period of the mass-balance rate; without both only the volume change is computed.</source>
        <translation>REFERENCE 的获取日期，以小数年表示（例如 2019.7）。与 DEM_YEAR 一起确定物质平衡速率的时段；二者未同时给出时只计算体积变化。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="221"/>
        <source>Acquisition date of DEM as a decimal year (e.g. 2000.1); years = REFERENCE_YEAR − DEM_YEAR in the mass-balance rate.</source>
        <translation>DEM 的获取日期，以小数年表示（例如 2000.1）；物质平衡速率中的年数 = REFERENCE_YEAR − DEM_YEAR。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="227"/>
        <source>Density that turns the volume change into mass, in kg m⁻³ (1-1000; default 850, Huss 2013).</source>
        <translation>将体积变化换算为质量所用的密度，单位 kg m⁻³（1-1000；默认 850，Huss 2013）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="233"/>
        <source>1-sigma uncertainty of DENSITY in kg m⁻³ (default 60, Huss 2013), propagated into the mass-balance error.</source>
        <translation>DENSITY 的 1 sigma 不确定性，单位 kg m⁻³（默认 60，Huss 2013），传播到物质平衡误差中。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="244"/>
        <source>Float32 GeoTIFF: DEM shifted by the co-registration on the REFERENCE grid, in metres; nodata −9999. Not written unless a file is given.</source>
        <translation>float32 GeoTIFF：按配准结果平移并位于 REFERENCE 格网上的 DEM，单位为米；无数据值 −9999。除非指定文件，否则不写出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="174"/>
        <source>Glacier id field</source>
        <translation>冰川编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="174"/>
        <source>Field of GLACIERS that names each glacier (e.g. RGIId) in OUTPUT_GLACIERS and the report&apos;s per-glacier table. Empty: the feature id.</source>
        <translation>GLACIERS 中为每条冰川命名的字段（如 RGIId），用于 OUTPUT_GLACIERS 和报告中的逐条冰川表。留空：使用要素编号。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="249"/>
        <source>Glaciers with their volume and mass change</source>
        <translation>带体积和质量变化的冰川</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="249"/>
        <source>The GLACIERS outlines with, per glacier: id, area_km2, valid_fraction, mean_dh_m, volume_change_m3, volume_error_m3, mass_balance_mwe, mass_balance_error_mwe (m w.e. per year, empty without REFERENCE_YEAR and DEM_YEAR) and void_fill_method; styled by mass balance. Needs GLACIERS; not written unless a destination is given.</source>
        <translation>GLACIERS 边界，每条冰川带有：编号、area_km2、valid_fraction、mean_dh_m、volume_change_m3、volume_error_m3、mass_balance_mwe、mass_balance_error_mwe（每年的米水当量，未给出 REFERENCE_YEAR 和 DEM_YEAR 时为空）以及 void_fill_method；按物质平衡设置样式。需要 GLACIERS；只有给出目标时才写出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="257"/>
        <source>HTML page with the numeric results, a dh map, the error budget, the accuracy metrics, histograms of stable dh before and after co-registration, the glacier hypsometry of dh and the per-glacier table.</source>
        <translation>HTML 页面，包含数值结果、dh 地图、误差分项、精度指标、配准前后稳定地形 dh 的直方图、冰川 dh 随高程的分布以及逐条冰川表。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="302"/>
        <source>OUTPUT_GLACIERS needs GLACIERS: give the glacier outlines, or leave OUTPUT_GLACIERS empty</source>
        <translation>OUTPUT_GLACIERS 需要 GLACIERS：请给出冰川边界，或将 OUTPUT_GLACIERS 留空</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="156"/>
        <source>Elevations in metres on the grid of the outputs; the DEM is aligned to it (to the reference points instead when REFERENCE_POINTS or REFERENCE_FILES are given). A geographic REFERENCE is first warped to the UTM zone of its centre. Needed unless reference points are given.</source>
        <translation>输出格网上的高程，单位米；DEM 配准到它（给出 REFERENCE_POINTS 或 REFERENCE_FILES 时改为配准到参考点）。地理坐标的 REFERENCE 会先投影到其中心所在的 UTM 带。除非给出参考点，否则必需。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="239"/>
        <source>Float32 GeoTIFF on the REFERENCE grid: REFERENCE − aligned DEM in metres, after outlier removal and glacier void filling; nodata −9999. Not written without REFERENCE.</source>
        <translation>REFERENCE 格网上的 Float32 GeoTIFF：REFERENCE − 配准后的 DEM，单位米，已去除异常值并填补冰川空洞；无数据值 −9999。没有 REFERENCE 时不写出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/dem_difference.py" line="92"/>
        <source>&lt;p&gt;Elevation change between two DEMs after co-registration, and the glacier volume change and geodetic mass balance with their uncertainty.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grids.&lt;/b&gt; DEM is resampled (bilinear) onto the REFERENCE grid; OUTPUT is on that grid. A geographic REFERENCE is warped to the UTM zone of its centre first (metres are needed for slopes, shifts and areas). &lt;b&gt;Stable terrain&lt;/b&gt; is every cell valid in both DEMs outside GLACIERS and UNSTABLE.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Co-registration&lt;/b&gt; (COREGISTER): &lt;i&gt;nuth_kaab&lt;/i&gt; fits dh/tan(slope) = a·cos(b − aspect) + c on stable terrain in 5° aspect bins and iterates (Nuth &amp;amp; Kääb 2011, The Cryosphere 5, 271-290); after the last horizontal step the vertical shift is estimated again as the median stable dh (all stable cells, outliers left out), so the stable median after co-registration is 0; &lt;i&gt;vertical&lt;/i&gt; removes only the median stable dh; &lt;i&gt;none&lt;/i&gt;. SHIFT_X/Y/Z are the translation applied to DEM (east, north, up; the convention of xdem).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt; = REFERENCE − aligned DEM in metres (newer minus older when REFERENCE is the later DEM), nodata −9999. With OUTLIER_NMAD k &amp;gt; 0, stable cells farther than k NMAD from the stable median, and glacier cells farther than k NMAD from the median of their 50 m elevation band, are set to nodata (NMAD = 1.4826·median|dh − median|, Höhle &amp;amp; Höhle 2009); a glacier's band with under 20 values is filtered with the band of all glaciers. Glacier voids are then filled (FILL_VOIDS): &lt;i&gt;local_hypsometric&lt;/i&gt;: a glacier with at least 30 % of its cells measured from its own median dh per 50 m band (bands with at least 10 measured cells, linear between them, constant beyond), any other glacier from the same curve of all glaciers together; &lt;i&gt;linear&lt;/i&gt; by Delaunay interpolation; &lt;i&gt;none&lt;/i&gt; (McNabb et al. 2019).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Volume and mass.&lt;/b&gt; ΔV = mean glacier dh × glacier area (cells on the grid). Its error follows Hugonnet et al. (2022): σ_dh binned by slope and maximum curvature on stable terrain, dh standardised by it, a nugget plus two spherical models (short and long range) fitted to the empirical variogram of the standardised dh, integrated over a disk of the glacier area (Rolstad et al. 2009) and scaled by the mean σ_dh of the glacier cells. The mass balance is ΔV·DENSITY / (area · years · 1000) in m w.e. per year with DENSITY 850 ± 60 kg m⁻³ (Huss 2013); years = REFERENCE_YEAR − DEM_YEAR (decimal years). Outline uncertainty is not included.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Per glacier.&lt;/b&gt; The outlines are burnt once onto the REFERENCE grid (cell centres); where outlines overlap a cell belongs to the largest outline. OUTPUT_GLACIERS has, per outline, its id (GLACIER_ID_FIELD, else the feature id), area_km2 on the grid, valid_fraction (measured cells / cells), mean_dh_m, volume_change_m3 and volume_error_m3, mass_balance_mwe and its error (per year, only with both years) and void_fill_method; it is styled by mass balance (mean dh without years). Cells still void count with their glacier's mean. The regional total is the sum of the glaciers' volume changes; each glacier's error is the error model for its own area, the total's error the same model for the total area (errors of neighbouring glaciers are correlated, so it is neither their root-sum-square nor their sum; the report gives both as bounds).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Accuracy&lt;/b&gt; of the stable terrain after co-registration: LE90 = 90th percentile of |dh|; CE90 = 2.146·σ_c with σ_c = √((σ_x² + σ_y²)/2) from the standard errors of the fitted horizontal shift (circular normal; Nuth &amp;amp; Kääb only); median and NMAD by slope class of the reference (0-10, 10-20, 20-30, 30-40, over 40°).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Checks.&lt;/b&gt; DEM heights outside −500..9,000 m (feet, centimetres) and fill values the file does not declare as nodata (−9999, −32768, −3.4e38) are refused; a mean glacier rate beyond ±10 m/yr or a mass balance beyond ±10 m w.e./yr is flagged in the log as a likely unit or date mistake.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reference points&lt;/b&gt; (REFERENCE_POINTS: a point layer with REFERENCE_ELEVATION_FIELD or Z; or REFERENCE_FILES: ICESat-2 ATL06 granules, quality flag 0, no fill values): DEM is co-registered to the points instead of to REFERENCE: dh = point − DEM bilinear at the point shifted back, slope and aspect of DEM at the points, the same aspect-binned cosine fit (at least 5 points per 5° bin) iterated, then the vertical shift as the median of the stable point residuals (points farther than OUTLIER_NMAD NMAD left out). Points outside DEM or on its voids are dropped and counted in the log; stable points are those outside GLACIERS and UNSTABLE. ATL06 heights are above the WGS 84 ellipsoid, most DEMs above a geoid: give GEOID_HEIGHT (N, subtracted from the points), or leave it 0 and the constant offset ends up in SHIFT_Z, right only over a small area. With REFERENCE also given, REFERENCE − aligned DEM is computed as above (REFERENCE must already be in the points' frame); without REFERENCE, DEM is aligned on its own grid (OUTPUT_ALIGNED), OUTPUT, OUTPUT_GLACIERS and OUTPUT_REPORT are not written and the results are the shift and the point statistics. N_POINTS counts the stable inliers; POINTS_MEDIAN/NMAD_BEFORE and _AFTER are the median and NMAD of their residuals (point − DEM) before and after co-registration; OUTPUT_POINTS holds the residuals per point.&lt;/p&gt;&lt;p&gt;OUTPUT_REPORT is an HTML page with these numbers, a dh map, the error budget, the accuracy metrics, histograms of stable dh before and after co-registration, the glacier hypsometry of dh and the per-glacier table.&lt;/p&gt;</source>
        <translation>&lt;p&gt;计算两期 DEM 配准后的高程变化，以及冰川体积变化和大地测量物质平衡及其不确定性。&lt;/p&gt;&lt;p&gt;&lt;b&gt;格网。&lt;/b&gt;DEM 以双线性插值重采样到 REFERENCE 格网上；OUTPUT 位于该格网。地理坐标的 REFERENCE 会先投影到其中心所在的 UTM 带（坡度、偏移和面积需要以米为单位）。&lt;b&gt;稳定地形&lt;/b&gt;是两期 DEM 中均有效、且位于 GLACIERS 和 UNSTABLE 之外的所有像元。&lt;/p&gt;&lt;p&gt;&lt;b&gt;配准&lt;/b&gt;（COREGISTER）：&lt;i&gt;nuth_kaab&lt;/i&gt; 在稳定地形上按 5° 坡向分组拟合 dh/tan(slope) = a·cos(b − aspect) + c 并迭代（Nuth &amp;amp; Kääb 2011, The Cryosphere 5, 271-290）；最后一次水平平移之后，重新以稳定地形 dh 的中位数（全部稳定像元，去除异常值）估计垂直偏移，因此配准后稳定地形的中位数为 0；&lt;i&gt;vertical&lt;/i&gt; 只去除稳定地形 dh 的中位数；&lt;i&gt;none&lt;/i&gt; 不配准。SHIFT_X/Y/Z 是施加到 DEM 上的平移量（东、北、上；与 xdem 的约定一致）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT&lt;/b&gt; = REFERENCE − 配准后的 DEM，单位为米（REFERENCE 为较新一期时即新减旧），无数据值 −9999。当 OUTLIER_NMAD k &amp;gt; 0 时，偏离稳定地形中位数超过 k 倍 NMAD 的稳定像元，以及偏离其所在 50 m 高程带中位数超过 k 倍 NMAD 的冰川像元，均设为无数据值（NMAD = 1.4826·median|dh − median|，Höhle &amp;amp; Höhle 2009）；某条冰川中值少于 20 个的高程带按全部冰川的该高程带过滤。随后填补冰川空洞（FILL_VOIDS）：&lt;i&gt;local_hypsometric&lt;/i&gt;：有至少 30 % 像元被测量的冰川，用其自身各 50 m 高程带的 dh 中位数填补（只用至少有 10 个测量像元的高程带，其间线性插值，两端之外取常数），其他冰川用全部冰川合在一起的同类曲线；&lt;i&gt;linear&lt;/i&gt; 用 Delaunay 插值；&lt;i&gt;none&lt;/i&gt; 不填补（McNabb et al. 2019）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;体积与质量。&lt;/b&gt;ΔV = 冰川平均 dh × 冰川面积（格网上的像元）。其误差按 Hugonnet et al.（2022）计算：在稳定地形上按坡度和最大曲率分组得到 σ_dh，用它对 dh 标准化，对标准化 dh 的经验变异函数拟合块金加两个（短程和长程）球状模型，在与冰川面积相同的圆盘上积分（Rolstad et al. 2009），再乘以冰川像元的平均 σ_dh。物质平衡为 ΔV·DENSITY / (area · years · 1000)，单位为米水当量每年（m w.e./a），DENSITY 取 850 ± 60 kg m⁻³（Huss 2013）；years = REFERENCE_YEAR − DEM_YEAR（小数年）。未计入冰川边界的不确定性。&lt;/p&gt;&lt;p&gt;&lt;b&gt;逐条冰川。&lt;/b&gt;冰川边界一次性栅格化到 REFERENCE 格网（像元中心）；边界重叠处像元归属面积最大的边界。OUTPUT_GLACIERS 对每条边界给出：编号（GLACIER_ID_FIELD，否则为要素编号）、格网上的 area_km2、valid_fraction（测量像元 / 像元）、mean_dh_m、volume_change_m3 和 volume_error_m3、mass_balance_mwe 及其误差（每年，仅在给出两个年份时）以及 void_fill_method；按物质平衡设置样式（无年份时按平均 dh）。仍为空洞的像元按其所在冰川的平均值计。区域总量为各冰川体积变化之和；每条冰川的误差是误差模型用于其自身面积的结果，总量的误差是同一模型用于总面积的结果（相邻冰川的误差相关，因此既不是各冰川误差的平方和根，也不是其和；报告将二者作为上下界给出）。&lt;/p&gt;&lt;p&gt;配准后稳定地形的&lt;b&gt;精度&lt;/b&gt;：LE90 = |dh| 的第 90 百分位数；CE90 = 2.146·σ_c，其中 σ_c = √((σ_x² + σ_y²)/2)，由拟合的水平平移的标准误得到（圆正态分布；仅 Nuth &amp;amp; Kääb）；按参考 DEM 的坡度分级（0-10、10-20、20-30、30-40、40° 以上）的中位数和 NMAD。&lt;/p&gt;&lt;p&gt;&lt;b&gt;检查。&lt;/b&gt;超出 −500..9,000 m 的 DEM 高程（英尺、厘米）以及文件未声明为无数据值的填充值（−9999、−32768、−3.4e38）将被拒绝；冰川平均变化速率超过 ±10 m/yr 或物质平衡超过 ±10 m w.e./yr 时，会在日志中标记为可能的单位或日期错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;参考点&lt;/b&gt;（REFERENCE_POINTS：带 REFERENCE_ELEVATION_FIELD 或 Z 的点图层；或 REFERENCE_FILES：ICESat-2 ATL06 数据，质量标志为 0、无填充值）：DEM 配准到这些点而不是 REFERENCE：dh = 点 − 在回移位置双线性插值的 DEM，在点上取 DEM 的坡度和坡向，同样按坡向分组拟合余弦（每个 5° 分组至少 5 个点）并迭代，然后以稳定点残差的中位数作为垂直偏移（偏离超过 OUTLIER_NMAD 倍 NMAD 的点除外）。位于 DEM 之外或其空洞上的点被剔除并在日志中计数；稳定点是位于 GLACIERS 和 UNSTABLE 之外的点。ATL06 高程基于 WGS 84 椭球，而多数 DEM 基于大地水准面：请给出 GEOID_HEIGHT（N，从点高程中减去），或设为 0，让常数偏移进入 SHIFT_Z，这只在小区域内成立。同时给出 REFERENCE 时，按上文计算 REFERENCE − 配准后的 DEM（REFERENCE 必须已与这些点处于同一基准）；没有 REFERENCE 时，DEM 在其自身格网上配准（OUTPUT_ALIGNED），不写出 OUTPUT、OUTPUT_GLACIERS 和 OUTPUT_REPORT，结果为平移量和点统计。N_POINTS 为稳定的内点数；POINTS_MEDIAN/NMAD_BEFORE 和 _AFTER 为配准前后其残差（点 − DEM）的中位数和 NMAD；OUTPUT_POINTS 给出逐点残差。&lt;/p&gt;&lt;p&gt;OUTPUT_REPORT 是一个 HTML 页面，包含上述数值、dh 地图、误差分项、精度指标、配准前后稳定地形 dh 的直方图、冰川 dh 随高程的分布以及逐条冰川表。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>FreezeThawImportDialog</name>
    <message>
        <location filename="../gui/import_dialog.py" line="45"/>
        <source>Import freeze/thaw product</source>
        <translation>导入冻融产品</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="52"/>
        <source>Global 0.25°, EPSG:4326 (1440 × 720 cells)</source>
        <translation>全球 0.25°，EPSG:4326（1440 × 720 个像元）</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="50"/>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="53"/>
        <source>An HDF5/GeoTIFF/netCDF file or a folder of daily files</source>
        <translation>一个 HDF5/GeoTIFF/netCDF 文件或逐日文件的文件夹</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="57"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="59"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="67"/>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="72"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="72"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="72"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="88"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="94"/>
        <source>Date of the first grid</source>
        <translation>第一个格网的日期</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="111"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="114"/>
        <source>Decode from</source>
        <translation>解码时段</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="118"/>
        <source>Grid (HDF5 files carry no georeferencing)</source>
        <translation>格网（HDF5 文件不含地理参考信息）</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="124"/>
        <source>Custom extent and CRS</source>
        <translation>自定义范围和坐标参考系</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="126"/>
        <source>Grid</source>
        <translation>格网</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="131"/>
        <source>West</source>
        <translation>西</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="131"/>
        <source>East</source>
        <translation>东</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="131"/>
        <source>South</source>
        <translation>南</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="131"/>
        <source>North</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="144"/>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="159"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="200"/>
        <source>Other code</source>
        <translation>其他代码</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="211"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="215"/>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="216"/>
        <source>Decoded freeze/thaw stack</source>
        <translation>解码后的冻融数据栈</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="219"/>
        <source>Also write the daily class areas (CSV beside the GeoTIFF)</source>
        <translation>同时写出每日各类别面积（与 GeoTIFF 同目录的 CSV）</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="226"/>
        <source>Decoded stack (GeoTIFF, one band per day)</source>
        <translation>解码后的数据栈（GeoTIFF，每天一个波段）</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="238"/>
        <source>Decode</source>
        <translation>解码</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="241"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="77"/>
        <source>Daily freeze/thaw file</source>
        <translation>逐日冻融文件</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="77"/>
        <source>Daily grids (*.h5 *.hdf5 *.he5 *.hdf *.tif *.tiff *.nc *.nc4);;All files (*)</source>
        <translation>逐日格网 (*.h5 *.hdf5 *.he5 *.hdf *.tif *.tiff *.nc *.nc4);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="84"/>
        <source>Folder of daily files</source>
        <translation>逐日文件的文件夹</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="145"/>
        <source>Not a 2-D or 3-D numeric grid</source>
        <translation>不是二维或三维数值格网</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="157"/>
        <source>Datasets of {}:</source>
        <translation>{} 中的数据集：</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="159"/>
        <source>&lt;b&gt;select the grid to decode.&lt;/b&gt;</source>
        <translation>&lt;b&gt;请选择要解码的格网。&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="161"/>
        <source>{} is not an HDF5 file: its bands are the days.</source>
        <translation>{} 不是 HDF5 文件：其波段即为各天。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="172"/>
        <source>group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="181"/>
        <source>Choose a file or a folder of daily files.</source>
        <translation>请选择一个文件或逐日文件的文件夹。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="185"/>
        <source>No dates found in this file (its name, bands and metadata carry none): set the date of its first grid below; the next grids follow day by day.</source>
        <translation>此文件中未找到日期（文件名、波段和元数据中均没有）：请在下方设置其第一个格网的日期，后续格网按天顺延。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="190"/>
        <source>&lt;b&gt;{}&lt;/b&gt; dates, {} … {}</source>
        <translation>&lt;b&gt;{}&lt;/b&gt; 个日期，{} … {}</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="193"/>
        <source>No missing days.</source>
        <translation>没有缺测日。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="196"/>
        <source>&lt;b&gt;{}&lt;/b&gt; missing day(s) in {} gap(s): {}</source>
        <translation>缺测 &lt;b&gt;{}&lt;/b&gt; 天，共 {} 个缺口：{}</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="222"/>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="230"/>
        <source>{} (day {} of {})</source>
        <translation>{}（第 {} 天，共 {} 天）</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="257"/>
        <source>The grids are {} rows × {} columns, not the {} × {} of this grid: choose “Custom extent and CRS” and give their extent and CRS.</source>
        <translation>这些格网为 {} 行 × {} 列，而非此格网的 {} × {}：请选择“自定义范围和坐标参考系”，并给出其范围和坐标参考系。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="262"/>
        <source>The extent is empty: East must exceed West and North must exceed South.</source>
        <translation>范围为空：东必须大于西，北必须大于南。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="264"/>
        <source>Choose the CRS of the grid.</source>
        <translation>请选择格网的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="291"/>
        <source>Grids of {} rows × {} columns.</source>
        <translation>格网为 {} 行 × {} 列。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="335"/>
        <source>The Cryosphere Processing provider is not loaded ({} is missing).</source>
        <translation>冰冻圈处理提供程序未加载（缺少 {}）。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="372"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写出任何输出。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="375"/>
        <source>The decoding failed; see the Processing log.</source>
        <translation>解码失败；请查看处理日志。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="381"/>
        <source>The decoded stack {} could not be opened as a layer.</source>
        <translation>无法将解码后的数据栈 {} 作为图层打开。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="384"/>
        <source>no .qml beside it</source>
        <translation>旁边没有 .qml 文件</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="386"/>
        <source>Decoded {} dates ({} … {}) into {}; {} pixel-days with unknown codes.</source>
        <translation>已解码 {} 个日期（{} … {}）到 {}；未知代码的像元·日数为 {}。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="389"/>
        <source>Daily class areas: {}.</source>
        <translation>每日各类别面积：{}。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="391"/>
        <source>Decoded {} dates and added the layer to the project.</source>
        <translation>已解码 {} 个日期，并将图层添加到项目中。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="394"/>
        <source>The layer&apos;s style could not be applied: {}</source>
        <translation>无法应用图层样式：{}</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="398"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="410"/>
        <source>Stopping the decoding; close the dialog when it has stopped.</source>
        <translation>正在停止解码；停止后请关闭对话框。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="183"/>
        <source>The file holds several grids: select the one to decode in the Datasets list.</source>
        <translation>该文件包含多个格网：请在“数据集”列表中选择要解码的格网。</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog_layout.py" line="187"/>
        <source>Product: {} ({}): {}</source>
        <translation>产品：{}（{}）：{}</translation>
    </message>
    <message>
        <location filename="../gui/import_dialog.py" line="154"/>
        <source>{} cannot be read without the Python package {} (see Dates).</source>
        <translation>{} 需要 Python 软件包 {} 才能读取（见“日期”）。</translation>
    </message>
</context>
<context>
    <name>FreezeThawIndicators</name>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="37"/>
        <source>Freeze/thaw season indicators</source>
        <translation>冻融季节指标</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="59"/>
        <source>&lt;p&gt;The decoded stack of &lt;i&gt;Decode freeze/thaw product&lt;/i&gt; is a valid input too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;解码冻融产品&lt;/i&gt;输出的解码数据栈也可作为输入。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="65"/>
        <source>Season year starts on (MM-DD)</source>
        <translation>季节年开始日期（MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="70"/>
        <source>Consecutive days that make an onset (MIN_RUN)</source>
        <translation>构成开始日所需的连续天数（MIN_RUN）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="76"/>
        <source>Precipitation days (code 3) count as</source>
        <translation>降水日（代码 3）计为</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="82"/>
        <source>Season indicators</source>
        <translation>季节指标</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="87"/>
        <source>Season years computed (comma separated)</source>
        <translation>已计算的季节年（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="88"/>
        <source>Number of season years</source>
        <translation>季节年数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="116"/>
        <source>Season years: {}</source>
        <translation>季节年：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="65"/>
        <source>Month and day (MM-DD) on which each season year begins; default 08-01, so that a whole winter falls in one season. A season is named by the calendar year it starts in.</source>
        <translation>每个季节年开始的月和日（MM-DD）；默认 08-01，使整个冬季落在同一季节内。季节以其开始所在的日历年命名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="70"/>
        <source>Number of consecutive frozen (or thawed) days, 1-60, that start the freeze (or thaw) onset; default 5. Longer runs make the onsets ignore brief early freezes and thaws.</source>
        <translation>确定冻结（或融化）开始日所需的连续冻结（或融化）天数，1-60；默认 5。取值越大，开始日越不受短暂的早期冻结和融化影响。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="76"/>
        <source>thawed (default): a code 3 day counts as thawed, in the thaw runs and in thawed_days; missing: it breaks runs and counts only in valid_days.</source>
        <translation>thawed（默认）：代码 3 的日子计为融化，计入融化连续日和 thawed_days；missing：它会中断连续日，只计入 valid_days。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="82"/>
        <source>Int16 GeoTIFF with one band per indicator and season year, named by both (e.g. freeze_onset_2005). Onsets and freeze_end are days of the season (day 1 = YEAR_START), the other bands numbers of days; nodata −32768.</source>
        <translation>int16 GeoTIFF，每个指标和季节年一个波段，以二者命名（例如 freeze_onset_2005）。开始日和 freeze_end 为季节内的日序（第 1 天 = YEAR_START），其他波段为天数；无数据值 −32768。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/freezethaw_indicators.py" line="40"/>
        <source>&lt;p&gt;Per-pixel season indicators from daily freeze/thaw codes (AMSR/TPDC: 1 frozen, 2 thawed, 3 precipitation; other products through their roles, see PRODUCT), as used with the freeze/thaw Earth System Data Records (Kim et al. 2011, 2017). A season year starts on YEAR_START (MM-DD, default 08-01) and is named by the calendar year it starts in; day 1 is its first day.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;freeze_onset&lt;/b&gt;: first day d with days d .. d+MIN_RUN-1 all frozen;&lt;/li&gt;&lt;li&gt;&lt;b&gt;thaw_onset&lt;/b&gt;: first day d after freeze_onset with d .. d+MIN_RUN-1 all thawed (code 2, and code 3 when PRECIPITATION = thawed);&lt;/li&gt;&lt;li&gt;&lt;b&gt;freeze_end&lt;/b&gt;: last frozen day before thaw_onset; &lt;b&gt;frozen_season_length&lt;/b&gt; = thaw_onset - freeze_onset;&lt;/li&gt;&lt;li&gt;&lt;b&gt;frozen_days&lt;/b&gt;, &lt;b&gt;thawed_days&lt;/b&gt;, &lt;b&gt;valid_days&lt;/b&gt; (codes 1, 2, 3) in the season.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;A missing day (code 0, 15, an unknown code, or a date absent from the stack) breaks runs and counts nowhere; with PRECIPITATION = missing, code 3 breaks runs but is still a valid day, and so is a transitional day (NSIDC-0477 codes 2 and 3). An onset that does not occur is nodata, and a pixel with no valid day (water, ice sheet) is nodata in every band. Seasons the input covers only in part are left out (the log names them).&lt;/p&gt;&lt;p&gt;Output: int16 GeoTIFF, one band per indicator and season year named &amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt; (e.g. freeze_onset_2005), nodata -32768.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由逐日冻融代码（AMSR/TPDC：1 冻结，2 融化，3 降水；其他产品按其类别角色，见 PRODUCT）逐像元计算季节指标，与冻融地球系统数据记录（Kim et al. 2011, 2017）所用方法一致。季节年从 YEAR_START（MM-DD，默认 08-01）开始，以其开始的日历年命名；第 1 天为其第一天。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;freeze_onset&lt;/b&gt;：第 d .. d+MIN_RUN-1 天全部冻结的第一个 d（冻结开始日）；&lt;/li&gt;&lt;li&gt;&lt;b&gt;thaw_onset&lt;/b&gt;：freeze_onset 之后第 d .. d+MIN_RUN-1 天全部融化（代码 2；PRECIPITATION = thawed 时也包括代码 3）的第一个 d（融化开始日）；&lt;/li&gt;&lt;li&gt;&lt;b&gt;freeze_end&lt;/b&gt;：thaw_onset 之前的最后一个冻结日；&lt;b&gt;frozen_season_length&lt;/b&gt; = thaw_onset - freeze_onset；&lt;/li&gt;&lt;li&gt;季节内的 &lt;b&gt;frozen_days&lt;/b&gt;、&lt;b&gt;thawed_days&lt;/b&gt;、&lt;b&gt;valid_days&lt;/b&gt;（代码 1、2、3 的天数）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;缺测日（代码 0、15、未知代码或数据栈中缺少的日期）会中断连续段，且不计入任何类别；PRECIPITATION = missing 时，代码 3 会中断连续段，但仍算有效日，过渡日（NSIDC-0477 代码 2 和 3）亦然。未出现的开始日为无数据值，没有任何有效日的像元（水体、冰盖）在所有波段中均为无数据值。输入只覆盖一部分的季节将被略去（日志中会列出）。&lt;/p&gt;&lt;p&gt;输出：int16 GeoTIFF，每个指标和季节年一个波段，命名为 &amp;lt;indicator&amp;gt;_&amp;lt;year&amp;gt;（例如 freeze_onset_2005），无数据值 -32768。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>GstModelAlgorithm</name>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="65"/>
        <source>Fit ground-surface temperature model (GST from LST)</source>
        <translation>拟合地面温度模型（由陆表温度估算地面温度）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="84"/>
        <source>Station table (one row per station and day)</source>
        <translation>站点表（每个站点每天一行）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="89"/>
        <source>Measured ground-surface temperature field</source>
        <translation>实测地面温度字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="95"/>
        <source>LST fields (1-4 predictors, in the order of the LST stacks)</source>
        <translation>陆表温度字段（1-4 个预测变量，顺序与陆表温度数据栈一致）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="102"/>
        <source>Temperature units of the table</source>
        <translation>表中温度的单位</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="108"/>
        <source>Cross-validation folds</source>
        <translation>交叉验证折数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="114"/>
        <source>GST model</source>
        <translation>地面温度模型</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="114"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="119"/>
        <source>Cross-validated R²</source>
        <translation>交叉验证 R²</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="119"/>
        <source>Cross-validated RMSE (°C)</source>
        <translation>交叉验证 RMSE（°C）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="119"/>
        <source>Cross-validated MAE (°C)</source>
        <translation>交叉验证 MAE（°C）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="119"/>
        <source>Chosen ridge penalty α</source>
        <translation>选定的岭回归惩罚系数 α</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="119"/>
        <source>Rows used</source>
        <translation>使用的行数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="119"/>
        <source>Rows dropped (missing values)</source>
        <translation>剔除的行数（缺失值）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="126"/>
        <source>Coefficients (field=value, °C per °C)</source>
        <translation>系数（字段=值，°C/°C）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="134"/>
        <source>Choose 1 to 4 LST fields, got {}</source>
        <translation>请选择 1 到 4 个陆表温度字段，当前为 {} 个</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="136"/>
        <source>GST_FIELD {} is also one of the LST fields</source>
        <translation>GST_FIELD {} 同时也是陆表温度字段之一</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="143"/>
        <source>{} rows, {} dropped for missing values, {} used</source>
        <translation>共 {} 行，因缺失值剔除 {} 行，使用 {} 行</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="158"/>
        <source>GST = {:.4f} + {}; penalty {:g}; cross-validated R² {:.3f}, RMSE {:.3f} °C, MAE {:.3f} °C</source>
        <translation>GST = {:.4f} + {}；惩罚系数 {:g}；交叉验证 R² {:.3f}，RMSE {:.3f} °C，MAE {:.3f} °C</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="84"/>
        <source>Table or layer (CSV, GeoPackage, ...) with one row per station and day: the measured GST and the LST of each overpass for that station&apos;s pixel and day. Geometries are not used.</source>
        <translation>每个站点每天一行的表格或图层（CSV、GeoPackage 等）：实测地面温度，以及该站点所在像元当天各次过境的陆表温度。不使用几何信息。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="89"/>
        <source>Field with the daily mean ground-surface temperature measured at the station (e.g. by a logger just below the surface), in UNITS: the response of the regression.</source>
        <translation>站点实测的日平均地面温度字段（例如由紧贴地表下方的温度记录仪测得），单位为 UNITS：即回归的因变量。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="95"/>
        <source>1-4 fields with the land-surface temperatures, in UNITS, e.g. Terra day, Terra night, Aqua day, Aqua night. Their order is the model&apos;s: give the LST stacks to Apply GST model in the same order.</source>
        <translation>1-4 个陆表温度字段，单位为 UNITS，例如 Terra 白天、Terra 夜间、Aqua 白天、Aqua 夜间。其顺序即模型中的顺序：在“应用地面温度模型”中请按相同顺序给出陆表温度数据栈。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="102"/>
        <source>celsius (°C, default) or kelvin (K): the units of GST_FIELD and LST_FIELDS. Kelvin values are converted to °C (−273.15) before the fit, so the model is always in °C.</source>
        <translation>celsius（°C，默认）或 kelvin（K）：GST_FIELD 和 LST_FIELDS 的单位。开尔文值在拟合前换算为 °C（减去 273.15），因此模型始终以 °C 表示。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="108"/>
        <source>Number k of folds (2-100, default 10) of the k-fold cross-validation that chooses the ridge penalty and gives R², RMSE and MAE; at most the number of rows.</source>
        <translation>k 折交叉验证的折数 k（2-100，默认 10），用于选择岭回归惩罚系数并给出 R²、RMSE 和 MAE；不得超过行数。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="114"/>
        <source>JSON file with the predictors (LST field names, in order), coefficients, intercept, penalty and cross-validated scores: the MODEL input of Apply GST model to LST stacks.</source>
        <translation>JSON 文件，包含预测变量（按顺序排列的陆表温度字段名）、系数、截距、惩罚系数和交叉验证得分：作为“将地面温度模型应用于陆表温度数据栈”的 MODEL 输入。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/gst_model.py" line="68"/>
        <source>&lt;p&gt;Fits GST = b0 + Σ b&lt;sub&gt;i&lt;/sub&gt;·LST&lt;sub&gt;i&lt;/sub&gt; (°C) on a station table by ridge regression, as the Tarim Basin permafrost map did with the four daily MODIS/TRIMS overpasses (Terra/Aqua, day/night). Predictors are standardised; the penalty α of (1/n)‖y − ȳ − Zβ‖² + α‖β‖² is chosen among 33 values from 10⁻⁶ to 10² by FOLDS-fold cross-validation (rows shuffled with a fixed seed, so runs repeat). R2, RMSE and MAE are the cross-validated scores (°C) of the out-of-fold predictions; the coefficients are then refitted on all rows and written in original units (Hoerl &amp;amp; Kennard 1970; Hastie et al. 2009, eq. 3.44).&lt;/p&gt;&lt;p&gt;&lt;b&gt;INPUT&lt;/b&gt;: one row per station and day (CSV, GeoPackage, any table or layer) with the measured GST and 1-4 LST fields. Rows with an empty or NULL value in any of these fields are dropped and counted in the log; inf and nan are errors. &lt;b&gt;UNITS&lt;/b&gt; applies to all of them; the model is in °C. Temperatures outside −100..100 °C after UNITS are refused (e.g. Kelvin read as °C).&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_MODEL&lt;/b&gt;: JSON with predictors (the LST field names, in order), coefficients, intercept, penalty, folds, n, r2, rmse, mae. Use it with &lt;i&gt;Apply GST model to LST stacks&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在站点表上用岭回归拟合 GST = b0 + Σ b&lt;sub&gt;i&lt;/sub&gt;·LST&lt;sub&gt;i&lt;/sub&gt;（°C，GST 为地面温度，LST 为陆表温度），与塔里木盆地多年冻土制图使用四次逐日 MODIS/TRIMS 过境（Terra/Aqua，白天/夜间）的做法相同。预测变量经标准化；(1/n)‖y − ȳ − Zβ‖² + α‖β‖² 中的惩罚系数 α 通过 FOLDS 折交叉验证从 10⁻⁶ 到 10² 的 33 个值中选取（各行以固定种子打乱，结果可重复）。R2、RMSE 和 MAE 是折外预测的交叉验证得分（°C）；随后在全部行上重新拟合系数，并以原始单位写出（Hoerl &amp;amp; Kennard 1970；Hastie et al. 2009, eq. 3.44）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;INPUT&lt;/b&gt;：每个站点每天一行（CSV、GeoPackage 或任意表格或图层），包含实测地面温度和 1-4 个陆表温度字段。任一字段为空或 NULL 的行将被剔除，并在日志中计数；inf 和 nan 视为错误。&lt;b&gt;UNITS&lt;/b&gt; 适用于所有这些字段；模型以 °C 为单位。按 UNITS 换算后超出 −100..100 °C 的温度将被拒绝（例如把开尔文当作 °C 读取）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_MODEL&lt;/b&gt;：JSON 文件，包含 predictors（按顺序的陆表温度字段名）、coefficients、intercept、penalty、folds、n、r2、rmse、mae。供&lt;i&gt;将地面温度模型应用于陆表温度数据栈&lt;/i&gt;使用。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>InsarDeformation</name>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="70"/>
        <source>InSAR ground deformation: seasonal (Stefan) and long-term components</source>
        <translation>InSAR 地表形变：季节（Stefan）分量与长期分量</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="128"/>
        <source>Displacement units</source>
        <translation>位移单位</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="134"/>
        <source>Reference date (YYYY-MM-DD)</source>
        <translation>参考日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="134"/>
        <source>Optional acquisition date to which the displacements are re-referenced (its displacement is subtracted from every date); empty: as stored.</source>
        <translation>可选的获取日期，位移将以其为参考重新计算（每个日期减去该日期的位移）；为空：按存储值。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="139"/>
        <source>Daily temperature table</source>
        <translation>逐日温度表</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="150"/>
        <source>Date field</source>
        <translation>日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="150"/>
        <source>Field with the day (a date, or text YYYY-MM-DD).</source>
        <translation>存放日期的字段（日期，或 YYYY-MM-DD 文本）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="154"/>
        <source>Temperature field</source>
        <translation>温度字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="154"/>
        <source>Field with the daily mean temperature, in UNITS_TEMPERATURE; empty cells are missing days.</source>
        <translation>存放日平均温度的字段，单位为 UNITS_TEMPERATURE；空单元格视为缺测日。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="158"/>
        <source>Temperature units</source>
        <translation>温度单位</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="158"/>
        <source>celsius (default) or kelvin; temperatures outside −100..100 °C after conversion are refused.</source>
        <translation>celsius（默认）或 kelvin；换算后超出 −100..100 °C 的温度将被拒绝。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="164"/>
        <source>Thaw season year starts on (MM-DD)</source>
        <translation>融化季节年开始于（MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="164"/>
        <source>The day (MM-DD) on which the thaw index is reset to 0 each year; default 01-01 (northern hemisphere).</source>
        <translation>每年将融化指数重置为 0 的日期（MM-DD）；默认 01-01（北半球）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="169"/>
        <source>Fit a frost-heave term f·√A_F</source>
        <translation>拟合冻胀项 f·√A_F</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="169"/>
        <source>Adds the freezing index column √A_F (freezing degree days from 07-01) to the model and the frost_heave_coef band to the output.</source>
        <translation>在模型中加入冻结指数列 √A_F（自 07-01 起的冻结度日），并在输出中加入 frost_heave_coef 波段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="174"/>
        <source>Porosity (0-1, for the active-layer thickness)</source>
        <translation>孔隙度（0-1，用于活动层厚度）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="174"/>
        <source>Saturation (0-1, for the active-layer thickness)</source>
        <translation>饱和度（0-1，用于活动层厚度）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="176"/>
        <source>Optional; with both POROSITY and SATURATION the output has the alt_m band (an estimate for a uniform soil).</source>
        <translation>可选；同时给出 POROSITY 和 SATURATION 时，输出包含 alt_m 波段（均匀土壤假设下的估计）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="201"/>
        <source>Deformation components</source>
        <translation>形变分量</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="215"/>
        <source>Median velocity (mm/yr)</source>
        <translation>速率中位数（mm/yr）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="216"/>
        <source>Pixels fitted</source>
        <translation>拟合的像元数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="217"/>
        <source>Median R²</source>
        <translation>R² 中位数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="228"/>
        <source>TEMPERATURE is not a readable table</source>
        <translation>TEMPERATURE 不是可读取的表格</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="234"/>
        <source>TEMPERATURE has no field {}: its fields are {}</source>
        <translation>TEMPERATURE 没有字段 {}：其字段为 {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="299"/>
        <source>REFERENCE_DATE must be YYYY-MM-DD, got {!r}</source>
        <translation>REFERENCE_DATE 必须为 YYYY-MM-DD，收到的是 {!r}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="304"/>
        <source>Give both POROSITY and SATURATION for the active-layer thickness; alt_m is left out</source>
        <translation>计算活动层厚度需同时给出 POROSITY 和 SATURATION；alt_m 将被略去</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="279"/>
        <source>{} daily temperatures</source>
        <translation>{} 个日温度值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="354"/>
        <source>{} pixels left nodata (too few dates or a singular design)</source>
        <translation>{} 个像元为无数据值（日期太少或设计矩阵奇异）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="77"/>
        <source>&lt;p&gt;Separates, per pixel, the seasonal deformation of the active layer from the long-term deformation of permafrost by linear least squares on the InSAR displacement time series d(t): d(t) = d0 + v·(t − t0) + e·√A&lt;sub&gt;T&lt;/sub&gt;(t) [+ f·√A&lt;sub&gt;F&lt;/sub&gt;(t)], with v the long-term velocity (mm/yr, t − t0 in years from the first date), e the seasonal coefficient (mm per √(°C·day)) of the Stefan solution, f the optional frost-heave coefficient (Liu, Zhang &amp;amp; Wahr 2010, J. Geophys. Res. 115, F03023; Liu et al. 2012, J. Geophys. Res. 117, F01005).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Thaw index&lt;/b&gt; A&lt;sub&gt;T&lt;/sub&gt;(t): the thawing degree days Σ max(T, 0) accumulated from that year's thaw onset (the first day on or after YEAR_START, default 01-01, with a daily mean T &amp;gt; 0 °C) to t, 0 before the onset, reset every YEAR_START. Freezing index A&lt;sub&gt;F&lt;/sub&gt;: Σ max(−T, 0) from 07-01. Gaps of up to 5 days in the temperature series are filled linearly; the series must cover every InSAR date from its season's start.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: float32 GeoTIFF, nodata −9999, bands velocity_mm_yr, velocity_se, seasonal_coef, seasonal_coef_se, seasonal_amplitude_mm (e·√max A&lt;sub&gt;T&lt;/sub&gt;), frost_heave_coef (with FROST_HEAVE), r2, rmse_mm, n_dates and alt_m with POROSITY and SATURATION: the active-layer thickness estimate ALT = |δ|·ρ&lt;sub&gt;i&lt;/sub&gt;/(P·S·(ρ&lt;sub&gt;w&lt;/sub&gt; − ρ&lt;sub&gt;i&lt;/sub&gt;)), ρ&lt;sub&gt;i&lt;/sub&gt; = 917, ρ&lt;sub&gt;w&lt;/sub&gt; = 1000 kg m⁻³ (Liu et al. 2012), valid only under a uniform porosity and saturation. Standard errors from the residual variance and (XᵀX)⁻¹. A pixel with fewer valid dates than unknowns + 1, or a singular design (no thaw between its dates), is nodata and counted in the log. The last band, offset_mm, is d0.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Line of sight&lt;/b&gt;: with LOS_TO_VERTICAL the displacements become vertical, d&lt;sub&gt;v&lt;/sub&gt; = d&lt;sub&gt;los&lt;/sub&gt; / cos θ, before the fit (the ground is assumed to move vertically only, as thaw settlement and frost heave do on gentle slopes), θ from INCIDENCE_ANGLE or INCIDENCE_RASTER.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_MODEL&lt;/b&gt; (optional): the fitted model at every acquisition date (mm, after the re-referencing and vertical conversion), a dated stack that the Cryo time-series dock overlays on the displacements with its long-term line and seasonal part.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Points&lt;/b&gt;: an EGMS CSV (L2a/L2b/L3 as downloaded, also zipped; dates as columns YYYYMMDD, mm) as INPUT, or a point layer whose fields are dates as INPUT_POINTS, gives the same fit per point in OUTPUT_POINTS. &lt;b&gt;Temperature&lt;/b&gt;: one daily series (TEMPERATURE table) shared by every pixel, or a daily temperature stack (TEMPERATURE_STACK, e.g. the GST of cryo:lsttogst, in the CRS of INPUT) sampled at each pixel's or point's location.&lt;/p&gt;</source>
        <translation>&lt;p&gt;对 InSAR 位移时间序列 d(t) 逐像元做线性最小二乘，将活动层的季节形变与多年冻土的长期形变分开：d(t) = d0 + v·(t − t0) + e·√A&lt;sub&gt;T&lt;/sub&gt;(t) [+ f·√A&lt;sub&gt;F&lt;/sub&gt;(t)]，其中 v 为长期速率（mm/yr，t − t0 为自第一个日期起的年数），e 为 Stefan 解的季节系数（mm 每 √(°C·天)），f 为可选的冻胀系数（Liu, Zhang &amp;amp; Wahr 2010, J. Geophys. Res. 115, F03023；Liu et al. 2012, J. Geophys. Res. 117, F01005）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;融化指数&lt;/b&gt; A&lt;sub&gt;T&lt;/sub&gt;(t)：自当年融化开始日（YEAR_START（默认 01-01）当天或之后日平均气温 T &amp;gt; 0 °C 的第一天）起累积到 t 的融化度日 Σ max(T, 0)，开始日之前为 0，每个 YEAR_START 重置。冻结指数 A&lt;sub&gt;F&lt;/sub&gt;：自 07-01 起的 Σ max(−T, 0)。温度序列中不超过 5 天的缺口线性填补；该序列必须自季节开始起覆盖每个 InSAR 日期。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：float32 GeoTIFF，无数据值 −9999，波段为 velocity_mm_yr、velocity_se、seasonal_coef、seasonal_coef_se、seasonal_amplitude_mm（e·√max A&lt;sub&gt;T&lt;/sub&gt;）、frost_heave_coef（给出 FROST_HEAVE 时）、r2、rmse_mm、n_dates，以及给出 POROSITY 和 SATURATION 时的 alt_m：活动层厚度估计 ALT = |δ|·ρ&lt;sub&gt;i&lt;/sub&gt;/(P·S·(ρ&lt;sub&gt;w&lt;/sub&gt; − ρ&lt;sub&gt;i&lt;/sub&gt;))，ρ&lt;sub&gt;i&lt;/sub&gt; = 917，ρ&lt;sub&gt;w&lt;/sub&gt; = 1000 kg m⁻³（Liu et al. 2012），仅在孔隙度和饱和度均匀的假设下成立。标准误由残差方差和 (XᵀX)⁻¹ 得到。有效日期少于未知数 + 1，或设计矩阵奇异（其日期之间没有融化）的像元为无数据值，并在日志中计数。最后一个波段 offset_mm 为 d0。&lt;/p&gt;&lt;p&gt;&lt;b&gt;视线向&lt;/b&gt;：给出 LOS_TO_VERTICAL 时，拟合前先把形变换算为垂直向 d&lt;sub&gt;v&lt;/sub&gt; = d&lt;sub&gt;los&lt;/sub&gt; / cos θ（假定地面只做垂直运动，缓坡上的融沉和冻胀正是如此），θ 取自 INCIDENCE_ANGLE 或 INCIDENCE_RASTER。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_MODEL&lt;/b&gt;（可选）：每个获取日期的拟合模型（mm，已重新参考并换算为垂直向），是一个带日期的栈，Cryo 时间序列面板会把它连同长期线和季节部分叠加在形变上。&lt;/p&gt;&lt;p&gt;&lt;b&gt;点&lt;/b&gt;：以 EGMS CSV（按下载时的 L2a/L2b/L3 格式，也可为 zip；日期为 YYYYMMDD 列，单位 mm）作为 INPUT，或以字段为日期的点图层作为 INPUT_POINTS，会在 OUTPUT_POINTS 中逐点给出相同的拟合。&lt;b&gt;温度&lt;/b&gt;：所有像元共用的一条逐日序列（TEMPERATURE 表格），或一个逐日温度栈（TEMPERATURE_STACK，如 cryo:lsttogst 输出的 GST，坐标系与 INPUT 相同），在每个像元或点的位置取样。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="110"/>
        <source>Displacement time series (MintPy HDF5, dated GeoTIFF or EGMS CSV)</source>
        <translation>形变时间序列（MintPy HDF5、带日期的 GeoTIFF 或 EGMS CSV）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="110"/>
        <source>MintPy timeseries.h5 / geo_timeseries.h5 (geocoded: X_FIRST, Y_FIRST, X_STEP, Y_STEP, EPSG or UTM_ZONE attributes), a multi-band GeoTIFF whose band descriptions are ISO dates, or an EGMS CSV (or its zip) with one column per date (then the results are points). Give INPUT or INPUT_POINTS.</source>
        <translation>MintPy timeseries.h5 / geo_timeseries.h5（已地理编码：含 X_FIRST、Y_FIRST、X_STEP、Y_STEP、EPSG 或 UTM_ZONE 属性）、波段描述为 ISO 日期的多波段 GeoTIFF，或每个日期一列的 EGMS CSV（或其 zip 包，此时结果为点）。请给出 INPUT 或 INPUT_POINTS。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="117"/>
        <source>…or a point layer with one field per date</source>
        <translation>……或每个日期一个字段的点图层</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="117"/>
        <source>Points whose fields named YYYYMMDD or YYYY-MM-DD (a letter prefix such as d_20180106 is allowed) hold the displacements; the results go to OUTPUT_POINTS.</source>
        <translation>点图层中名为 YYYYMMDD 或 YYYY-MM-DD 的字段（允许字母前缀，如 d_20180106）存放形变；结果写入 OUTPUT_POINTS。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="123"/>
        <source>Point id field</source>
        <translation>点编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="123"/>
        <source>The field that names each point of INPUT_POINTS in OUTPUT_POINTS (pid); empty: the feature id.</source>
        <translation>在 OUTPUT_POINTS 中标识 INPUT_POINTS 各点的字段（pid）；留空则使用要素编号。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="128"/>
        <source>auto (default): MintPy&apos;s UNIT attribute (metres), mm for EGMS CSVs and point layers, m for GeoTIFF stacks; or m or mm. Displacements beyond 10 m are refused as a units mix-up.</source>
        <translation>auto（默认）：MintPy 使用其 UNIT 属性（米），EGMS CSV 和点图层为 mm，GeoTIFF 栈为 m；也可选 m 或 mm。超过 10 m 的形变将被视为单位混淆而拒绝。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="139"/>
        <source>Table (CSV, GeoPackage, ...) with one row per day: a station&apos;s or an area&apos;s daily mean (air or ground-surface) temperature. Give TEMPERATURE or TEMPERATURE_STACK.</source>
        <translation>每天一行的表格（CSV、GeoPackage 等）：某站点或某区域的日平均（气温或地表）温度。请给出 TEMPERATURE 或 TEMPERATURE_STACK。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="144"/>
        <source>…or a daily temperature stack</source>
        <translation>……或逐日温度栈</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="144"/>
        <source>A daily temperature stack (GeoTIFF with ISO-dated bands, e.g. the GST of cryo:lsttogst, or any stack the plugin reads) in the CRS of INPUT; each InSAR pixel takes the cell it falls in. Its own scale factor and offset apply, then UNITS_TEMPERATURE.</source>
        <translation>与 INPUT 坐标系相同的逐日温度栈（波段为 ISO 日期的 GeoTIFF，如 cryo:lsttogst 输出的 GST，或本插件可读取的任何栈）；每个 InSAR 像元取其所在的温度格网单元。先应用其自身的比例因子和偏移，再应用 UNITS_TEMPERATURE。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="181"/>
        <source>Line of sight to vertical</source>
        <translation>视线向转垂直向</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="181"/>
        <source>none (default): fit the displacements as given (line of sight or already vertical); incidence_angle: d_v = d_los / cos θ with INCIDENCE_ANGLE for the whole scene; incidence_raster: θ of every pixel from INCIDENCE_RASTER; points_incidence_angle: θ of every point from the incidence_angle column of an EGMS CSV. Assumes the ground moves vertically only.</source>
        <translation>none（默认）：按原样拟合形变（视线向或已是垂直向）；incidence_angle：d_v = d_los / cos θ，整景使用 INCIDENCE_ANGLE；incidence_raster：每个像元的 θ 取自 INCIDENCE_RASTER；points_incidence_angle：每个点的 θ 取自 EGMS CSV 的 incidence_angle 列。假定地面只发生垂直运动。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="190"/>
        <source>Incidence angle (degrees)</source>
        <translation>入射角（度）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="190"/>
        <source>The radar incidence angle θ of the scene, for LOS_TO_VERTICAL = incidence_angle (Sentinel-1 IW: 29-46°; the scene centre's value).</source>
        <translation>整景的雷达入射角 θ，用于 LOS_TO_VERTICAL = incidence_angle（Sentinel-1 IW：29-46°；取景中心的值）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="195"/>
        <source>Incidence angle raster (GeoTIFF or MintPy geometryGeo.h5)</source>
        <translation>入射角栅格（GeoTIFF 或 MintPy geometryGeo.h5）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="195"/>
        <source>θ of every pixel in degrees, on the grid of INPUT: a GeoTIFF or MintPy's geometryGeo.h5 (dataset incidenceAngle), for LOS_TO_VERTICAL = incidence_raster. Pixels without an angle are nodata.</source>
        <translation>与 INPUT 同格网的逐像元 θ（度）：GeoTIFF 或 MintPy 的 geometryGeo.h5（数据集 incidenceAngle），用于 LOS_TO_VERTICAL = incidence_raster。没有入射角的像元为无数据。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="201"/>
        <source>Multi-band float32 GeoTIFF on the grid of INPUT, nodata −9999 (bands in the help); a temporary file when left empty. Not written for point inputs (see OUTPUT_POINTS).</source>
        <translation>与 INPUT 同格网的多波段 float32 GeoTIFF，无数据值 −9999（波段见帮助）；留空时写入临时文件。点输入时不写出（见 OUTPUT_POINTS）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="205"/>
        <source>Fitted model at every date</source>
        <translation>各日期的拟合模型</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="205"/>
        <source>Optional: the fitted model d0 + v(t − t0) + e√A_T [+ f√A_F] (mm) at every acquisition date, a stack with the dates of INPUT; the time-series dock overlays it on the data.</source>
        <translation>可选：每个获取日期的拟合模型 d0 + v(t − t0) + e√A_T [+ f√A_F]（mm），日期与 INPUT 相同的栈；时间序列面板会把它叠加在数据上。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="210"/>
        <source>Deformation components per point</source>
        <translation>逐点形变分量</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="210"/>
        <source>For an EGMS CSV or INPUT_POINTS: the points with pid and the bands of OUTPUT as fields (empty where not solved).</source>
        <translation>用于 EGMS CSV 或 INPUT_POINTS：各点带 pid 字段，并以 OUTPUT 的各波段为字段（未求解处为空）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="254"/>
        <source>LOS_TO_VERTICAL = incidence_angle needs INCIDENCE_ANGLE (the scene&apos;s incidence angle in degrees)</source>
        <translation>LOS_TO_VERTICAL = incidence_angle 需要 INCIDENCE_ANGLE（整景的入射角，单位度）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="258"/>
        <source>LOS_TO_VERTICAL = points_incidence_angle reads the incidence_angle column of an EGMS CSV; for a raster INPUT use incidence_angle or incidence_raster</source>
        <translation>LOS_TO_VERTICAL = points_incidence_angle 读取 EGMS CSV 的 incidence_angle 列；栅格 INPUT 请使用 incidence_angle 或 incidence_raster</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="263"/>
        <source>LOS_TO_VERTICAL = incidence_raster needs INCIDENCE_RASTER (a GeoTIFF of angles in degrees or MintPy&apos;s geometryGeo.h5)</source>
        <translation>LOS_TO_VERTICAL = incidence_raster 需要 INCIDENCE_RASTER（以度为单位的入射角 GeoTIFF 或 MintPy 的 geometryGeo.h5）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="318"/>
        <source>UNITS auto: {} ({}); set UNITS if this is wrong</source>
        <translation>UNITS 自动：{}（{}）；若不正确请设置 UNITS</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="371"/>
        <source>{} points, {} dates {} .. {}</source>
        <translation>{} 个点，{} 个日期 {} .. {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="374"/>
        <source>OUTPUT_MODEL is written for raster inputs only</source>
        <translation>OUTPUT_MODEL 仅在栅格输入时写出</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="386"/>
        <source>TEMPERATURE_STACK and INCIDENCE_RASTER must share a CRS for points</source>
        <translation>用于点时，TEMPERATURE_STACK 和 INCIDENCE_RASTER 必须使用相同的坐标系</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="397"/>
        <source>Points need OUTPUT_POINTS (a file or a temporary layer)</source>
        <translation>点输入需要 OUTPUT_POINTS（文件或临时图层）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="272"/>
        <source>Give TEMPERATURE (a daily table) or TEMPERATURE_STACK (a daily stack), not both</source>
        <translation>请给出 TEMPERATURE（逐日表格）或 TEMPERATURE_STACK（逐日栈），不要同时给出</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="275"/>
        <source>Give the temperature: TEMPERATURE (a daily table) or TEMPERATURE_STACK (a daily stack)</source>
        <translation>请给出温度：TEMPERATURE（逐日表格）或 TEMPERATURE_STACK（逐日栈）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="326"/>
        <source>Give INPUT (a MintPy file, a dated GeoTIFF or an EGMS CSV) or INPUT_POINTS (a point layer), not both</source>
        <translation>请给出 INPUT（MintPy 文件、带日期的 GeoTIFF 或 EGMS CSV）或 INPUT_POINTS（点图层），不要同时给出</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/insar_deformation.py" line="329"/>
        <source>Give the displacements: INPUT (a MintPy file, a dated GeoTIFF or an EGMS CSV) or INPUT_POINTS (a point layer)</source>
        <translation>请给出形变：INPUT（MintPy 文件、带日期的 GeoTIFF 或 EGMS CSV）或 INPUT_POINTS（点图层）</translation>
    </message>
</context>
<context>
    <name>LakeIcePhenology</name>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="164"/>
        <source>Lake-ice phenology (freeze-up and break-up dates)</source>
        <translation>湖冰物候（封冻与消融日期）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="227"/>
        <source>Lake id field</source>
        <translation>湖泊标识字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="227"/>
        <source>Date field (tables)</source>
        <translation>日期字段（表格）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="227"/>
        <source>Value field (tables)</source>
        <translation>数值字段（表格）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="259"/>
        <source>Values are</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="266"/>
        <source>Low threshold (% ice)</source>
        <translation>低阈值（冰覆盖 %）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="266"/>
        <source>High threshold (% ice)</source>
        <translation>高阈值（冰覆盖 %）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="277"/>
        <source>Days a crossing must persist (MIN_RUN)</source>
        <translation>穿越阈值后须持续的天数（MIN_RUN）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="277"/>
        <source>Moving-mean window in days (0 = none)</source>
        <translation>滑动平均窗口天数（0 = 不平滑）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="277"/>
        <source>Longest gap filled by interpolation (days)</source>
        <translation>插值填补的最长缺口（天）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="291"/>
        <source>Season starts on (MM-DD)</source>
        <translation>季节开始日期（MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="296"/>
        <source>Shore buffer (m, inwards; raster stack only)</source>
        <translation>湖岸缓冲距离（m，向内；仅用于栅格数据栈）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="302"/>
        <source>Lake-ice phenology</source>
        <translation>湖冰物候</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="307"/>
        <source>Lakes with the main event per season</source>
        <translation>附有每季主事件的湖泊</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="314"/>
        <source>Lakes with a series</source>
        <translation>有序列的湖泊数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="315"/>
        <source>Freeze events found</source>
        <translation>识别出的冻结事件数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="344"/>
        <source>INPUT {} is not a table: give LAKES polygons to extract lake series from a raster stack</source>
        <translation>INPUT {} 不是表格：请给出 LAKES 多边形，以便从栅格数据栈中提取湖泊序列</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="339"/>
        <source>{} lakes, {} .. {}</source>
        <translation>{} 个湖泊，{} .. {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="227"/>
        <source>Table column with the day of each row, as a date or YYYY-MM-DD text. Default: date; not used with a raster stack.</source>
        <translation>表格中表示每行日期的列，为日期类型或 YYYY-MM-DD 文本。默认：date；使用栅格数据栈时不使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="227"/>
        <source>Table column with the daily ice value, in the units of VALUE_TYPE; empty cells are missing days. Default: value; not used with a raster stack.</source>
        <translation>表格中存放逐日冰值的列，单位由 VALUE_TYPE 决定；空单元格视为缺测日。默认：value；使用栅格数据栈时不使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="259"/>
        <source>ice_percent: ice cover 0-100 % (default); ice_fraction: 0-1; brightness_temperature: passive-microwave TB in K, scaled per lake and season to percent ice between its 5th (open water) and 95th (full ice) percentiles.</source>
        <translation>ice_percent：冰覆盖度 0-100 %（默认）；ice_fraction：0-1；brightness_temperature：被动微波亮温 TB（K），按每个湖泊、每个季节在其第 5 百分位数（开阔水面）与第 95 百分位数（完全冰封）之间换算为冰覆盖百分比。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="266"/>
        <source>Ice cover in % (0-100, default 10) whose upward crossing starts freeze-up (FUS) and whose downward crossing ends break-up (BUE). Below THRESHOLD_HIGH.</source>
        <translation>冰覆盖度（%，0-100，默认 10）：向上穿越该值为开始冻结（FUS），向下穿越该值为完全消融（BUE）。须低于 THRESHOLD_HIGH。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="266"/>
        <source>Ice cover in % (0-100, default 90) whose upward crossing ends freeze-up (FUE) and whose downward crossing starts break-up (BUS). Above THRESHOLD_LOW.</source>
        <translation>冰覆盖度（%，0-100，默认 90）：向上穿越该值为完全冻结（FUE），向下穿越该值为开始消融（BUS）。须高于 THRESHOLD_LOW。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="277"/>
        <source>Number of consecutive days (1-365, default 5) the series must stay beyond a threshold for its crossing to count; shorter excursions are ignored.</source>
        <translation>序列越过阈值后须持续的连续天数（1-365，默认 5），达到后该穿越才被计入；更短的波动将被忽略。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="277"/>
        <source>Width in days (0-365, default 0 = no smoothing) of the centred moving mean applied to each series after gap filling, before the thresholds.</source>
        <translation>中心滑动平均窗口的宽度，单位为天（0-365，默认 0 = 不平滑）；在填补缺口之后、应用阈值之前作用于每条序列。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="277"/>
        <source>Gaps of up to this many days (0-365, default 5) are filled by linear interpolation; a crossing right after a longer gap is not dated.</source>
        <translation>不超过该天数（0-365，默认 5）的缺口按线性插值填补；紧接在更长缺口之后的穿越不给出日期。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="291"/>
        <source>Month and day (MM-DD, default 08-01) on which each ice season begins: choose a time of open water. A season is named by the year it starts in.</source>
        <translation>每个冰季开始的月和日（MM-DD，默认 08-01）：请选择湖面无冰的时间。季节以其开始所在的年份命名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="296"/>
        <source>Distance in metres (≥ 0, default 0) by which each lake polygon is shrunk before averaging, to leave out cells that mix water and land. Raster stack only.</source>
        <translation>求平均前每个湖泊多边形向内收缩的距离，单位为米（≥ 0，默认 0），用于排除水陆混合的像元。仅用于栅格数据栈。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="302"/>
        <source>Table without geometry, one row per lake, season and freeze event: lake, season, fus, fue, bus, bue (YYYY-MM-DD), icd, cfd, fd, bd (days), main (1 for the longest event) and valid_days.</source>
        <translation>无几何的表格，每个湖泊、季节和冻结事件一行：lake、season、fus、fue、bus、bue（YYYY-MM-DD）、icd、cfd、fd、bd（天）、main（最长事件为 1）和 valid_days。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="307"/>
        <source>The LAKES polygons with their fields and, for every season, the main event&apos;s dates and durations as columns (e.g. fus_2019, icd_2019). Only with LAKES; not written unless a destination is given.</source>
        <translation>LAKES 多边形及其原有字段，并以列的形式附上每个季节主事件的日期和持续时间（例如 fus_2019、icd_2019）。仅在给出 LAKES 时可用；除非指定输出位置，否则不写出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="167"/>
        <source>&lt;p&gt;Freeze-up start/end and break-up start/end per lake and season from daily series of lake ice, with ice-cover duration ICD = BUE − FUS, complete-freezing duration CFD = BUS − FUE, FD = FUE − FUS and BD = BUE − BUS (days).&lt;/p&gt;&lt;p&gt;&lt;b&gt;INPUT&lt;/b&gt; is either a table (CSV, Excel .xlsx, GeoPackage, ...) in long form with LAKE_FIELD, DATE_FIELD (YYYY-MM-DD) and VALUE_FIELD, or a daily raster stack together with LAKES polygons: the daily value of a lake is then the mean of the cells whose centre lies in its polygon shrunk by SHORE_BUFFER metres (a day counts when at least half of them have a value).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Per-lake tables&lt;/b&gt;: INPUT (or INPUT_FOLDER) may be a folder of .csv/.xlsx files, one per lake as many lake products ship them (e.g. Nam_Co.csv with date,value): a table without LAKE_FIELD is one lake's series named after its file (the name without extension, or the first group of LAKE_NAME_PATTERN). Excel: the first sheet (or SHEET), its first row the column names, dates as Excel dates or YYYY-MM-DD (needs python3-openpyxl). Tables of areas (TPDC: ice, water, cloud): VALUE_FIELD ice and WATER_FIELD water give percent ice = 100 × ice / (ice + water); with CLOUD_FIELD, a day on which cloud covers more than ice and water together is missing.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由逐日湖冰序列计算每个湖泊、每个季节的开始冻结/完全冻结和开始消融/完全消融日期，以及冰封期 ICD = BUE − FUS、完全冻结期 CFD = BUS − FUE、冻结期 FD = FUE − FUS 和消融期 BD = BUE − BUS（天）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;INPUT&lt;/b&gt; 可以是长格式的表格（CSV、Excel .xlsx、GeoPackage 等），包含 LAKE_FIELD、DATE_FIELD（YYYY-MM-DD）和 VALUE_FIELD；也可以是逐日栅格数据栈加 LAKES 多边形：此时湖泊的日值为中心位于其多边形（向内收缩 SHORE_BUFFER 米）内的像元的平均值（至少一半像元有值的日子才计入）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;逐湖表格&lt;/b&gt;：INPUT（或 INPUT_FOLDER）可以是 .csv/.xlsx 文件的文件夹，每个湖泊一个文件，许多湖泊产品即如此分发（例如含 date,value 的 Nam_Co.csv）：不含 LAKE_FIELD 的表格是一个湖泊的序列，以其文件命名（不含扩展名的文件名，或 LAKE_NAME_PATTERN 的第一个分组）。Excel：读取第一个工作表（或 SHEET），其第一行为列名，日期为 Excel 日期或 YYYY-MM-DD（需要 python3-openpyxl）。面积表（TPDC：ice、water、cloud）：VALUE_FIELD 设为 ice、WATER_FIELD 设为 water 时，冰覆盖百分比 = 100 × ice / (ice + water)；给出 CLOUD_FIELD 时，云覆盖超过冰和水之和的日子视为缺测。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="205"/>
        <source>Daily lake ice: a table (CSV, Excel .xlsx, GeoPackage, ...) or a raster stack (with LAKES)</source>
        <translation>逐日湖冰：表格（CSV、Excel .xlsx、GeoPackage 等）或栅格数据栈（配合 LAKES）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="207"/>
        <source>Either a table in long form (CSV, Excel .xlsx, GeoPackage, ...: one row per lake and day with LAKE_FIELD, DATE_FIELD and VALUE_FIELD; without LAKE_FIELD, one lake named after the file), a folder of such tables (e.g. one .csv or .xlsx per lake), or a daily raster stack (HDF5 file, folder of daily files, dated multi-band GeoTIFF/netCDF) together with LAKES.</source>
        <translation>可以是长格式表格（CSV、Excel .xlsx、GeoPackage 等：每个湖泊每天一行，包含 LAKE_FIELD、DATE_FIELD 和 VALUE_FIELD；不含 LAKE_FIELD 时为以文件命名的一个湖泊），此类表格的文件夹（例如每个湖泊一个 .csv 或 .xlsx），也可以是逐日栅格数据栈（HDF5 文件、逐日文件的文件夹、波段带日期的多波段 GeoTIFF/netCDF）加 LAKES。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="213"/>
        <source>…or a folder of per-lake tables (.csv, .xlsx) or of daily grids</source>
        <translation>……或逐湖表格（.csv、.xlsx）或逐日格网的文件夹</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="214"/>
        <source>A folder of tables (.csv, .xlsx: one per lake, or several long tables), or of daily HDF5 or GeoTIFF files whose names carry the date as YYYYMMDD or YYYYDDD (with LAKES), instead of INPUT. Give INPUT or INPUT_FOLDER.</source>
        <translation>表格（.csv、.xlsx：每个湖泊一个，或若干长格式表格）的文件夹，或逐日 HDF5 或 GeoTIFF 文件（文件名中以 YYYYMMDD 或 YYYYDDD 标注日期，配合 LAKES）的文件夹，用于代替 INPUT。请给出 INPUT 或 INPUT_FOLDER。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="240"/>
        <source>Lake name from the file name (regular expression, tables)</source>
        <translation>由文件名得到湖泊名称（正则表达式，用于表格）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="240"/>
        <source>For tables without LAKE_FIELD (one lake per file): a regular expression searched in the file name without extension, whose first group is the lake name (e.g. ^(.+)_ice$ names Nam_Co_ice.csv Nam_Co). Empty (default): the whole name.</source>
        <translation>用于不含 LAKE_FIELD 的表格（每个文件一个湖泊）：在不含扩展名的文件名中搜索的正则表达式，其第一个分组即湖泊名称（例如 ^(.+)_ice$ 将 Nam_Co_ice.csv 命名为 Nam_Co）。为空（默认）：整个文件名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="240"/>
        <source>Excel sheet (empty: the first)</source>
        <translation>Excel 工作表（为空：第一个）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="240"/>
        <source>Name of the sheet to read in .xlsx workbooks; empty (default): the first sheet. Its first row must hold the column names.</source>
        <translation>.xlsx 工作簿中要读取的工作表名称；为空（默认）：第一个工作表。其第一行必须是列名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="240"/>
        <source>Water field: percent ice = 100 × VALUE / (VALUE + WATER) (tables)</source>
        <translation>水面字段：冰覆盖百分比 = 100 × VALUE / (VALUE + WATER)（用于表格）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="240"/>
        <source>For tables of ice and water areas or percentages (TPDC: date, water, ice, cloud): the column of open water. VALUE_FIELD then names the ice column and the daily value is 100 × ice / (ice + water) (VALUE_TYPE ice_percent); a day with neither is missing. Empty (default): VALUE_FIELD is the ice cover itself.</source>
        <translation>用于冰和水面积或百分比的表格（TPDC：date、water、ice、cloud）：开阔水面所在的列。此时 VALUE_FIELD 为冰所在的列，日值为 100 × ice / (ice + water)（VALUE_TYPE ice_percent）；两者都没有的日子视为缺测。为空（默认）：VALUE_FIELD 本身即冰覆盖。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="240"/>
        <source>Cloud field: days mostly under cloud are missing (with WATER_FIELD)</source>
        <translation>云字段：大部分被云覆盖的日子视为缺测（配合 WATER_FIELD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="240"/>
        <source>With WATER_FIELD: the column of cloud cover (same units as ice and water); a day on which cloud covers more than ice and water together is a missing day. Empty (default): not used.</source>
        <translation>配合 WATER_FIELD：云覆盖所在的列（单位与冰和水相同）；云覆盖超过冰和水之和的日子视为缺测。为空（默认）：不使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="379"/>
        <source>openpyxl is not installed: {} is read through GDAL</source>
        <translation>未安装 openpyxl：{} 通过 GDAL 读取</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="182"/>
        <source>&lt;p&gt;&lt;b&gt;Definitions&lt;/b&gt; on the series after filling gaps of up to MAX_GAP days linearly and a centred SMOOTHING-day moving mean, in percent ice (a run is MIN_RUN consecutive days): FUS = first day starting a run ≥ THRESHOLD_LOW; FUE = first day after FUS starting a run ≥ THRESHOLD_HIGH; BUS = first day after FUE starting a run &amp;lt; THRESHOLD_HIGH; BUE = first day after FUS (and BUS) starting a run &amp;lt; THRESHOLD_LOW. An event that never reaches THRESHOLD_HIGH is a partial freeze (FUS and BUE only); several events in a season give several rows, the longest with main = 1. 10/90 % are usual with MODIS ice fraction (Kropáček et al. 2013), 30/70 % in webcam and Sentinel studies. A crossing is dated only when the day before it has data: at the start of the record, after a longer gap or when the season ends first, the date is left empty and the log says why. Seasons start on YEAR_START and are named by the year they start in.&lt;/p&gt;&lt;p&gt;&lt;b&gt;VALUE_TYPE&lt;/b&gt;: ice_percent (0-100), ice_fraction (0-1) or brightness_temperature (K, e.g. 18.7 or 36.5 GHz H-pol): per lake and season the 5th and 95th percentiles are taken as the open-water and full-ice levels and TB is scaled between them to percent ice (Kang et al. 2012; Du et al. 2017, The Cryosphere 11, 47-63).&lt;/p&gt;&lt;p&gt;OUTPUT: lake, season, fus, fue, bus, bue, icd, cfd, fd, bd, main, valid_days. OUTPUT_LAKES (with LAKES, for a stack or a table): the polygons with the main event's dates and durations of each season as columns; a table's lakes are matched to the polygons on LAKE_FIELD (the table's column lake, as cryo:lakeiceseries writes it, when it has no LAKE_FIELD).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;定义&lt;/b&gt;（基于以线性插值填补不超过 MAX_GAP 天的缺口、并做 SMOOTHING 天居中滑动平均后的序列，以冰覆盖百分比表示；连续段指连续 MIN_RUN 天）：FUS（开始冻结）= 开始一段 ≥ THRESHOLD_LOW 的连续段的第一天；FUE（完全冻结）= FUS 之后开始一段 ≥ THRESHOLD_HIGH 的连续段的第一天；BUS（开始消融）= FUE 之后开始一段 &amp;lt; THRESHOLD_HIGH 的连续段的第一天；BUE（完全消融）= FUS（及 BUS）之后开始一段 &amp;lt; THRESHOLD_LOW 的连续段的第一天。从未达到 THRESHOLD_HIGH 的事件为部分冻结（只有 FUS 和 BUE）；一个季节内有多次事件时输出多行，其中最长的一次 main = 1。MODIS 冰覆盖比例通常用 10/90 %（Kropáček et al. 2013），网络摄像头和 Sentinel 研究中用 30/70 %。只有前一天有数据时穿越才会被定日期：在记录开始处、较长缺口之后或季节先行结束时，该日期留空，并在日志中说明原因。季节从 YEAR_START 开始，以其开始的年份命名。&lt;/p&gt;&lt;p&gt;&lt;b&gt;VALUE_TYPE&lt;/b&gt;：ice_percent（0-100）、ice_fraction（0-1）或 brightness_temperature（亮温，K，例如 18.7 或 36.5 GHz 水平极化）：对每个湖泊和季节取第 5 和第 95 百分位数作为开阔水面和完全冰覆盖的水平，并在两者之间将亮温换算为冰覆盖百分比（Kang et al. 2012；Du et al. 2017, The Cryosphere 11, 47-63）。&lt;/p&gt;&lt;p&gt;OUTPUT：lake、season、fus、fue、bus、bue、icd、cfd、fd、bd、main、valid_days。OUTPUT_LAKES（需提供 LAKES，用于堆栈或表）：湖泊多边形，以列的形式附上每个季节主事件的日期和持续时间；表中的湖泊按 LAKE_FIELD 与多边形匹配（表中没有 LAKE_FIELD 时用 cryo:lakeiceseries 写出的 lake 列）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="218"/>
        <source>Lake polygons (with a raster stack; with a table, for the lakes output)</source>
        <translation>湖泊多边形（用于栅格堆栈；用于表时，用于湖泊输出）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="218"/>
        <source>Lake polygons in any CRS, one per lake, identified by LAKE_FIELD: with a raster stack a lake&apos;s daily value is the mean of the stack cells whose centre lies inside its polygon shrunk by SHORE_BUFFER. With a table (e.g. the output of cryo:lakeiceseries) the series come from the table and the polygons carry the dates in OUTPUT_LAKES, matched on LAKE_FIELD: the table&apos;s lake column is LAKE_FIELD, or lake when the table has no LAKE_FIELD. Optional with a table.</source>
        <translation>任意坐标系的湖泊多边形，每个湖泊一个，以 LAKE_FIELD 标识：对栅格堆栈，湖泊的日值为中心位于按 SHORE_BUFFER 向内收缩后的多边形内的堆栈像元均值。对表（例如 cryo:lakeiceseries 的输出），序列取自表，多边形在 OUTPUT_LAKES 中附上日期，按 LAKE_FIELD 匹配：表的湖泊列为 LAKE_FIELD，表中没有 LAKE_FIELD 时为 lake。用于表时可选。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_phenology.py" line="227"/>
        <source>Field with the lake identifier: a column of the table, or the field of LAKES (one id per polygon) that a raster stack&apos;s series are named by and a table&apos;s lakes are matched on. Default: lake.</source>
        <translation>湖泊标识字段：表中的一列，或 LAKES 的字段（每个多边形一个编号），栅格堆栈的序列以其命名，表中的湖泊按其匹配。默认：lake。</translation>
    </message>
</context>
<context>
    <name>LakeIceSeries</name>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="62"/>
        <source>Lake-ice series from a raster stack (daily lake means)</source>
        <translation>由栅格数据栈提取湖冰序列（逐日湖泊平均值）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="65"/>
        <source>&lt;p&gt;Daily lake-ice values per lake from a daily raster stack (e.g. MODIS ice fraction, passive-microwave brightness temperature) and lake polygons: the value of a lake on a day is the mean of the cells whose centre lies in its polygon shrunk inwards by SHORE_BUFFER metres, so that mixed land/water cells at the shore are left out; a day counts when at least half of those cells have a value. The stack is read date by date, so memory does not grow with the record length.&lt;/p&gt;&lt;p&gt;OUTPUT is a long table (lake, date as YYYY-MM-DD, value) ready for cryo:lakeicephenology (LAKE_FIELD lake, DATE_FIELD date, VALUE_FIELD value) or for the time-series dock. Values are checked against the range of VALUE_TYPE.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由逐日栅格数据栈（例如 MODIS 冰覆盖比例、被动微波亮温）和湖泊多边形得到每个湖泊的逐日湖冰值：湖泊某日的值为中心位于其多边形（向内收缩 SHORE_BUFFER 米）内的像元的平均值，从而排除湖岸处水陆混合的像元；至少一半像元有值的日子才计入。数据栈按日期逐个读取，内存占用不随记录长度增长。&lt;/p&gt;&lt;p&gt;OUTPUT 为长格式表格（lake、以 YYYY-MM-DD 表示的 date、value），可直接用于 cryo:lakeicephenology（LAKE_FIELD lake、DATE_FIELD date、VALUE_FIELD value）或时间序列面板。数值会按 VALUE_TYPE 的取值范围进行检查。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="77"/>
        <source>Daily lake-ice raster stack</source>
        <translation>逐日湖冰栅格数据栈</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Lake polygons</source>
        <translation>湖泊多边形</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Polygons of the lakes, in any CRS (they are reprojected onto the stack&apos;s grid).</source>
        <translation>湖泊多边形，可为任意坐标参考系（会重投影到数据栈的格网上）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Lake id field</source>
        <translation>湖泊标识字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Field of LAKES whose text identifies each lake in the output; one polygon per lake.</source>
        <translation>LAKES 中的字段，其文本在输出中标识每个湖泊；每个湖泊一个多边形。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Values are</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>What the stack holds: ice_percent (0-100), ice_fraction (0-1) or brightness_temperature (K); lake means outside that range stop the run.</source>
        <translation>数据栈中存放的内容：ice_percent（0-100）、ice_fraction（0-1）或 brightness_temperature（K）；湖泊平均值超出该范围时运行将中止。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Shore buffer (m, inwards)</source>
        <translation>湖岸缓冲距离（m，向内）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Metres by which each polygon is shrunk before averaging (0: the whole polygon); use about one cell size to leave out mixed shore cells.</source>
        <translation>求平均前每个多边形向内收缩的米数（0：使用整个多边形）；取约一个像元大小可排除湖岸处的混合像元。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Daily lake series</source>
        <translation>逐日湖泊序列</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="78"/>
        <source>Table with one row per lake and day: lake, date (YYYY-MM-DD), value.</source>
        <translation>每个湖泊每天一行的表格：lake、date（YYYY-MM-DD）、value。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="99"/>
        <source>Lakes with a series</source>
        <translation>有序列的湖泊数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="100"/>
        <source>Days in the series</source>
        <translation>序列中的天数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_series.py" line="120"/>
        <source>{} lakes, {} days from {}</source>
        <translation>{} 个湖泊，{} 天，起始于 {}</translation>
    </message>
</context>
<context>
    <name>LakeIceThickness</name>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="95"/>
        <source>Lake-ice thickness from air temperature (Stefan degree-day law)</source>
        <translation>由气温计算湖冰厚度（Stefan 度日定律）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="172"/>
        <source>Daily air temperature per lake (table)</source>
        <translation>各湖泊逐日气温（表格）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="188"/>
        <source>Lake id field</source>
        <translation>湖泊编号字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="191"/>
        <source>Date field</source>
        <translation>日期字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="191"/>
        <source>Field of INPUT with the day (a date or YYYY-MM-DD text).</source>
        <translation>INPUT 中存放日期的字段（日期或 YYYY-MM-DD 文本）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="191"/>
        <source>Temperature field</source>
        <translation>温度字段</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="191"/>
        <source>Field of INPUT with the daily mean air temperature in UNITS; empty cells are missing days.</source>
        <translation>INPUT 中以 UNITS 为单位的日平均气温字段；空单元格为缺测日。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="191"/>
        <source>Snow depth on the ice field, cm (optional)</source>
        <translation>冰上雪深字段，cm（可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="191"/>
        <source>Field of INPUT with the snow depth on the ice in cm (empty cells: no snow); empty: bare ice.</source>
        <translation>INPUT 中冰上雪深（cm）字段（空单元格：无雪）；留空：裸冰。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="203"/>
        <source>Temperature units</source>
        <translation>温度单位</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="221"/>
        <source>Freeze-up and break-up (cryo:lakeicephenology output, optional)</source>
        <translation>封冻与解冻（cryo:lakeicephenology 输出，可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="221"/>
        <source>The table cryo:lakeicephenology writes (lake, season, fus, fue, bus, bue, main): the ice grows from FREEZE_UP_FIELD and is gone on BREAK_UP_FIELD. Empty: both from the temperature.</source>
        <translation>cryo:lakeicephenology 写出的表格（lake、season、fus、fue、bus、bue、main）：冰从 FREEZE_UP_FIELD 开始增长，在 BREAK_UP_FIELD 消失。留空：二者均由温度确定。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="227"/>
        <source>Freeze-up column of PHENOLOGY</source>
        <translation>PHENOLOGY 的封冻列</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="227"/>
        <source>Break-up column of PHENOLOGY</source>
        <translation>PHENOLOGY 的解冻列</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="229"/>
        <source>Column of PHENOLOGY with the date (default fue = freeze-up end, the lake ice-covered; bue = break-up end, the ice gone).</source>
        <translation>PHENOLOGY 中存放日期的列（默认 fue = 封冻结束，湖面被冰覆盖；bue = 解冻结束，冰已消失）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Freeze-up: days in a row below 0 °C</source>
        <translation>封冻：连续低于 0 °C 的天数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Without PHENOLOGY, freeze-up is the first day of the first run of this many consecutive days below 0 °C (default 5).</source>
        <translation>未给出 PHENOLOGY 时，封冻日为第一次连续这么多天低于 0 °C 的首日（默认 5）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Melt onset: days in a row above 0 °C</source>
        <translation>消融开始：连续高于 0 °C 的天数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>The ice melts from the first day of the first run of this many consecutive days above 0 °C after freeze-up (default 5).</source>
        <translation>封冻后第一次连续这么多天高于 0 °C 的首日起，冰开始消融（默认 5）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Ice thickness on the freeze-up day (cm)</source>
        <translation>封冻日的冰厚（cm）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>h0 of h = sqrt(h0² + α²·AFDD), before the freeze-up day's growth (default 0).</source>
        <translation>h = sqrt(h0² + α²·AFDD) 中的 h0，即封冻日增长之前的冰厚（默认 0）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Snow thermal conductivity k_s (W m⁻¹ K⁻¹)</source>
        <translation>雪的导热系数 k_s（W m⁻¹ K⁻¹）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Of the snow on the ice (default 0.31, Maykut &amp; Untersteiner 1971); used with SNOW_FIELD.</source>
        <translation>冰上积雪的导热系数（默认 0.31，Maykut &amp; Untersteiner 1971）；与 SNOW_FIELD 一起使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Melt coefficient (cm per °C·day)</source>
        <translation>消融系数（cm 每 °C·天）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Ice lost per thawing degree-day from the melt onset (default 0.5).</source>
        <translation>消融开始后每个融化度日损失的冰厚（默认 0.5）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Longest gap filled by interpolation (days)</source>
        <translation>插值填补的最长缺口（天）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="234"/>
        <source>Gaps of up to this many days are filled linearly (default 5).</source>
        <translation>不超过这么多天的缺口线性填补（默认 5）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="254"/>
        <source>Stefan coefficient α (cm (°C·day)^-½; empty: 3.558)</source>
        <translation>Stefan 系数 α（cm (°C·天)^-½；留空：3.558）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="254"/>
        <source>Overrides α = sqrt(2 k_i / (ρ_i L_f)) = 3.558 cm (°C·day)^-½ of bare ice; empirical values under snow are about 2.0-2.7.</source>
        <translation>覆盖裸冰的 α = sqrt(2 k_i / (ρ_i L_f)) = 3.558 cm (°C·天)^-½；有雪时的经验值约 2.0-2.7。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="259"/>
        <source>Season starts on (MM-DD)</source>
        <translation>季节开始日（MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="259"/>
        <source>Month and day (MM-DD, default 08-01) on which each ice season begins: a time of open water.</source>
        <translation>每个冰季开始的月日（MM-DD，默认 08-01）：应为明水期。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="263"/>
        <source>Daily ice thickness</source>
        <translation>逐日冰厚</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="263"/>
        <source>Table: lake, date (YYYY-MM-DD), h_cm (empty where unknown).</source>
        <translation>表格：lake、date（YYYY-MM-DD）、h_cm（未知处为空）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="266"/>
        <source>Ice seasons per lake</source>
        <translation>各湖泊冰季</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="266"/>
        <source>Table: lake, season, freeze_up, break_up, max_thickness_cm, date_max, ice_days, afdd, source, note; empty values for a season without freeze-up.</source>
        <translation>表格：lake、season、freeze_up、break_up、max_thickness_cm、date_max、ice_days、afdd、source、note；未封冻的季节为空值。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="270"/>
        <source>Lakes</source>
        <translation>湖泊数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="270"/>
        <source>Lake-seasons with ice</source>
        <translation>有冰的湖泊季节数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="270"/>
        <source>Lake-seasons without freeze-up</source>
        <translation>未封冻的湖泊季节数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="270"/>
        <source>Stefan coefficient used, cm (°C·day)^-½</source>
        <translation>使用的 Stefan 系数，cm (°C·天)^-½</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="279"/>
        <source>{} has no field {} (its fields: {}); set {}</source>
        <translation>{} 没有字段 {}（其字段：{}）；请设置 {}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="307"/>
        <source>INPUT is not a readable table</source>
        <translation>INPUT 不是可读取的表格</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="319"/>
        <source>Row {}: the lake field {} is empty; give every row its lake</source>
        <translation>第 {} 行：湖泊字段 {} 为空；请为每一行给出湖泊</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="343"/>
        <source>PHENOLOGY has several rows for lake {} and season {} (row {}); keep the main event (main = 1) only</source>
        <translation>PHENOLOGY 中湖泊 {} 季节 {} 有多行（第 {} 行）；只保留主事件（main = 1）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="351"/>
        <source>PHENOLOGY row {}: cannot read the date {!r} in {}</source>
        <translation>PHENOLOGY 第 {} 行：无法读取日期 {!r}（{} 列）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="371"/>
        <source>{} lakes, {} .. {}; α = {:.4g} cm (°C·day)^-½</source>
        <translation>{} 个湖泊，{} .. {}；α = {:.4g} cm (°C·天)^-½</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="373"/>
        <source>Freeze-up and break-up from PHENOLOGY</source>
        <translation>封冻与解冻取自 PHENOLOGY</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="373"/>
        <source>Freeze-up and break-up from the temperature</source>
        <translation>封冻与解冻由温度确定</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="106"/>
        <source>Both INPUT and TEMPERATURE_STACK are given. Give the daily temperatures once: as a table per lake (INPUT), or as a stack with lake polygons (TEMPERATURE_STACK and LAKES).</source>
        <translation>同时给出了 INPUT 和 TEMPERATURE_STACK。逐日温度只需给一次：每个湖泊的表格（INPUT），或带湖泊多边形的栈（TEMPERATURE_STACK 和 LAKES）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="109"/>
        <source>No temperatures are given. Give a table of daily air temperature per lake (INPUT), or a daily temperature stack (TEMPERATURE_STACK) with lake polygons (LAKES).</source>
        <translation>没有给出温度。请给出每个湖泊的逐日气温表格（INPUT），或带湖泊多边形（LAKES）的逐日温度栈（TEMPERATURE_STACK）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="112"/>
        <source>TEMPERATURE_STACK needs LAKES. Give the lake polygons over which the daily mean temperature of each lake is taken.</source>
        <translation>TEMPERATURE_STACK 需要 LAKES。请给出用于计算各湖泊日平均气温的湖泊多边形。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="115"/>
        <source>LAKES is used only with TEMPERATURE_STACK. Leave LAKES empty when INPUT is a table.</source>
        <translation>LAKES 只与 TEMPERATURE_STACK 一起使用。INPUT 为表格时请将 LAKES 留空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="117"/>
        <source>SNOW_FIELD is a field of the INPUT table. Leave it empty with TEMPERATURE_STACK (the ice is then bare).</source>
        <translation>SNOW_FIELD 是 INPUT 表格的字段。使用 TEMPERATURE_STACK 时请留空（此时冰面为裸冰）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="126"/>
        <source>&lt;p&gt;Daily lake-ice thickness per lake from its daily mean air temperature T (°C).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Growth&lt;/b&gt; by Stefan's law (Leppäranta 1993, Atmosphere-Ocean 31, 123-138; Ashton 1989, Water Resour. Res. 25, 564-566): h(t) = sqrt(h0² + α² · AFDD(t)), AFDD the freezing degree-days Σ max(−T, 0) since freeze-up (°C·day), α = sqrt(2 k_i / (ρ_i L_f)). With k_i = 2.24 W m⁻¹ K⁻¹, ρ_i = 917 kg m⁻³ and L_f = 333.4 kJ kg⁻¹, α = 3.558 cm (°C·day)^-½ for bare ice (the default; ALPHA overrides it: empirical coefficients under snow are lower, about 2.0-2.7).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Snow&lt;/b&gt; (SNOW_FIELD: snow depth h_s on the ice, cm): the snow adds its thermal resistance h_s/k_s to that of the ice, ρ_i L_f dh/dt = k_i (0 − T) / (h + (k_i/k_s) h_s), integrated day by day exactly for a day's constant T and h_s: h1 = sqrt((h0 + r)² + α²·FDD) − r with r = (k_i/k_s)·h_s. SNOW_CONDUCTIVITY k_s defaults to 0.31 W m⁻¹ K⁻¹ (Maykut &amp;amp; Untersteiner 1971); empty snow cells count as no snow.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Melt&lt;/b&gt;: from the melt onset, the first day of the first run of THAW_RUN consecutive days above 0 °C after freeze-up (that is, after the last freezing day before that run), each day with T &amp;gt; 0 °C thins the ice by MELT_COEFFICIENT × T (default 0.5 cm per °C·day): without later frost h = h_last − M · ATDD, the degree-day decay of Bilello 1980 (CRREL Report 80-6) and Ashton 1983 (CRREL SR 83-19); a later freezing day still grows the ice. Before the melt onset, thaw days (short mid-winter thaws) neither grow nor melt the ice.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Freeze-up and break-up&lt;/b&gt;: with PHENOLOGY (the output of cryo:lakeicephenology: columns lake, season, FREEZE_UP_FIELD, BREAK_UP_FIELD, main) the ice grows from its freeze-up date and is gone on its break-up date (empty break-up: from the model); a lake and season without a row has no freeze-up. Without it, freeze-up is the first day of the first run of FREEZE_RUN consecutive days below 0 °C in the season whose day before has a temperature (a season that starts frozen is not dated), and break-up the first day the melting ice reaches 0 cm; ice that melts out early forms again at the next such run, and the season's row gives the longest ice period (its note says how many). A season without freeze-up is reported with empty values and a log message, not an error.&lt;/p&gt;&lt;p&gt;&lt;b&gt;INPUT&lt;/b&gt;: a table (CSV, GeoPackage, ...) with one row per lake and day: LAKE_FIELD, DATE_FIELD (YYYY-MM-DD) and TEMPERATURE_FIELD in UNITS (temperatures outside −100..100 °C after conversion are refused, e.g. Kelvin read as °C). Gaps of up to MAX_GAP days are filled linearly; a longer gap in the ice season leaves that lake's thickness unknown from there. Seasons start on YEAR_START (default 08-01) and are named by the year they start in.&lt;/p&gt;&lt;p&gt;&lt;b&gt;TEMPERATURE_STACK&lt;/b&gt; + &lt;b&gt;LAKES&lt;/b&gt;, instead of INPUT: a daily air-temperature stack (e.g. ERA5-Land 2 m temperature as a GeoTIFF/netCDF with dated bands or netCDF time, or an HDF5 file) and lake polygons in any CRS (reprojected onto the stack's grid), named by LAKE_FIELD. A lake's daily temperature is the mean of the cells whose centre lies inside its polygon (a day counts when at least half of them have a value); a lake that covers no cell centre takes the cell under its centroid. Stored values become °C as value × SCALE + OFFSET (empty: the file's own scale_factor and add_offset, else 1 and 0), minus 273.15 with UNITS = kelvin (ERA5-Land t2m is in K); cells outside −100..100 °C after this are refused. The stack is read in blocks of dates over the lakes' rows only. The ice is bare (snow needs INPUT with SNOW_FIELD). A file without georeferencing (HDF5, or a netCDF without a CRS) is placed by EXTENT and CRS; DATASET names its variable (ERA5-Land: t2m).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: OUTPUT, one row per lake and day: lake, date, h_cm (empty where unknown); OUTPUT_SEASONS, one row per lake and season: lake, season, freeze_up, break_up, max_thickness_cm, date_max, ice_days, afdd (°C·day of growth), source (temperature or phenology), note.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由每个湖泊的逐日平均气温 T（°C）计算逐日湖冰厚度。&lt;/p&gt;&lt;p&gt;&lt;b&gt;增长&lt;/b&gt;按 Stefan 定律（Leppäranta 1993, Atmosphere-Ocean 31, 123-138；Ashton 1989, Water Resour. Res. 25, 564-566）：h(t) = sqrt(h0² + α² · AFDD(t))，AFDD 为自封冻起的冻结度日 Σ max(−T, 0)（°C·天），α = sqrt(2 k_i / (ρ_i L_f))。取 k_i = 2.24 W m⁻¹ K⁻¹、ρ_i = 917 kg m⁻³、L_f = 333.4 kJ kg⁻¹ 时，裸冰 α = 3.558 cm (°C·天)^-½（默认值；ALPHA 可覆盖：有雪覆盖时的经验系数较低，约 2.0-2.7）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;积雪&lt;/b&gt;（SNOW_FIELD：冰上雪深 h_s，cm）：积雪在冰的热阻上增加其热阻 h_s/k_s，ρ_i L_f dh/dt = k_i (0 − T) / (h + (k_i/k_s) h_s)，在一天内 T 和 h_s 不变的条件下逐日精确积分：h1 = sqrt((h0 + r)² + α²·FDD) − r，其中 r = (k_i/k_s)·h_s。SNOW_CONDUCTIVITY k_s 默认 0.31 W m⁻¹ K⁻¹（Maykut &amp;amp; Untersteiner 1971）；雪深为空视为无雪。&lt;/p&gt;&lt;p&gt;&lt;b&gt;消融&lt;/b&gt;：自消融开始日（封冻后第一次连续 THAW_RUN 天高于 0 °C 的首日，即该连续期之前最后一个冻结日之后）起，每个 T &amp;gt; 0 °C 的日子冰厚减少 MELT_COEFFICIENT × T（默认每 °C·天 0.5 cm）：若其后无霜冻，h = h_last − M · ATDD，即 Bilello 1980（CRREL Report 80-6）和 Ashton 1983（CRREL SR 83-19）的度日衰减；之后的冻结日仍会使冰增长。消融开始前的融化日（冬季短暂回暖）既不增长也不消融。&lt;/p&gt;&lt;p&gt;&lt;b&gt;封冻与解冻&lt;/b&gt;：给出 PHENOLOGY（cryo:lakeicephenology 的输出：列 lake、season、FREEZE_UP_FIELD、BREAK_UP_FIELD、main）时，冰从其封冻日期开始增长，在其解冻日期消失（解冻为空：由模型确定）；没有对应行的湖泊和季节视为未封冻。未给出时，封冻日为季节中第一次连续 FREEZE_RUN 天低于 0 °C 的首日（且其前一天有温度；季节开始时已冻结则不定日期），解冻日为消融中冰厚首次降到 0 cm 的日子；过早融尽的冰会在下一次这样的连续期重新形成，季节行给出最长的冰期（备注中说明有几次）。没有封冻的季节以空值报告并在日志中说明，不视为错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;INPUT&lt;/b&gt;：每个湖泊每天一行的表格（CSV、GeoPackage 等）：LAKE_FIELD、DATE_FIELD（YYYY-MM-DD）和以 UNITS 为单位的 TEMPERATURE_FIELD（换算后超出 −100..100 °C 的温度会被拒绝，如把开尔文当作 °C）。不超过 MAX_GAP 天的缺口线性填补；冰期中更长的缺口使该湖此后的冰厚未知。季节从 YEAR_START（默认 08-01）开始，以开始年份命名。&lt;/p&gt;&lt;p&gt;&lt;b&gt;TEMPERATURE_STACK&lt;/b&gt; + &lt;b&gt;LAKES&lt;/b&gt;（代替 INPUT）：逐日气温栈（如 ERA5-Land 2 m 气温，带日期波段或 netCDF 时间的 GeoTIFF/netCDF，或 HDF5 文件）以及任意坐标系的湖泊多边形（重投影到栈的格网），以 LAKE_FIELD 命名。湖泊的日气温为中心位于其多边形内的像元的平均值（至少一半像元有值的日子才计入）；不覆盖任何像元中心的湖泊取其质心所在像元。存储值按 值 × SCALE + OFFSET 换算为 °C（留空：使用文件自身的 scale_factor 和 add_offset，否则为 1 和 0），UNITS = kelvin 时再减 273.15（ERA5-Land t2m 单位为 K）；换算后超出 −100..100 °C 的像元将被拒绝。栈只在湖泊所在的行上按日期块读取。冰面为裸冰（积雪需要带 SNOW_FIELD 的 INPUT）。没有地理参考的文件（HDF5，或无坐标系的 netCDF）由 EXTENT 和 CRS 定位；DATASET 指定其变量（ERA5-Land：t2m）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：OUTPUT，每个湖泊每天一行：lake、date、h_cm（未知处为空）；OUTPUT_SEASONS，每个湖泊每个季节一行：lake、season、freeze_up、break_up、max_thickness_cm、date_max、ice_days、afdd（增长的 °C·天）、source（temperature 或 phenology）、note。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="172"/>
        <source>Table with one row per lake and day: lake id, date and daily mean air temperature (and optionally the snow depth on the ice). Give INPUT, or TEMPERATURE_STACK with LAKES.</source>
        <translation>每个湖泊每天一行的表格：湖泊编号、日期和日平均气温（可选冰上雪深）。请给出 INPUT，或 TEMPERATURE_STACK 与 LAKES。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="177"/>
        <source>…or a daily air-temperature stack</source>
        <translation>……或逐日气温栈</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="177"/>
        <source>Instead of INPUT: daily mean air temperature as a dated multi-band GeoTIFF/netCDF (e.g. ERA5-Land 2 m temperature) or an HDF5 file; with LAKES.</source>
        <translation>代替 INPUT：以带日期的多波段 GeoTIFF/netCDF（如 ERA5-Land 2 m 气温）或 HDF5 文件给出的日平均气温；与 LAKES 一起使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="182"/>
        <source>Lake polygons (with the stack)</source>
        <translation>湖泊多边形（与栈一起）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="182"/>
        <source>With TEMPERATURE_STACK: one polygon per lake, in any CRS, named by LAKE_FIELD. A lake&apos;s temperature is the mean of the cells whose centre lies inside it, or the cell under its centroid for a lake smaller than a cell.</source>
        <translation>与 TEMPERATURE_STACK 一起：每个湖泊一个多边形，任意坐标系，以 LAKE_FIELD 命名。湖泊气温为中心位于其内的像元的平均值；小于一个像元的湖泊取其质心所在像元。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="188"/>
        <source>Field of INPUT, or of LAKES with TEMPERATURE_STACK, identifying the lake.</source>
        <translation>INPUT 中（或使用 TEMPERATURE_STACK 时 LAKES 中）标识湖泊的字段。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="203"/>
        <source>celsius (default) or kelvin, of INPUT's temperatures or of TEMPERATURE_STACK's values × SCALE + OFFSET.</source>
        <translation>celsius（默认）或 kelvin，指 INPUT 的温度或 TEMPERATURE_STACK 的 值 × SCALE + OFFSET。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="209"/>
        <source>Scale factor of the stack&apos;s stored values (empty: the file&apos;s own, else 1)</source>
        <translation>栈存储值的比例因子（留空：使用文件自身的，否则为 1）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="209"/>
        <source>TEMPERATURE_STACK values are multiplied by it before OFFSET is added. Empty (default): the file&apos;s scale_factor, else 1.</source>
        <translation>TEMPERATURE_STACK 的值先乘以它，再加 OFFSET。留空（默认）：使用文件的 scale_factor，否则为 1。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="209"/>
        <source>Offset added after scaling (empty: the file&apos;s own, else 0)</source>
        <translation>缩放后加上的偏移（留空：使用文件自身的，否则为 0）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lake_ice_thickness.py" line="209"/>
        <source>Added to the scaled TEMPERATURE_STACK values, in UNITS. Empty (default): the file&apos;s add_offset, else 0; the 273.15 of kelvin is subtracted by UNITS.</source>
        <translation>加到缩放后的 TEMPERATURE_STACK 值上，单位为 UNITS。留空（默认）：使用文件的 add_offset，否则为 0；kelvin 的 273.15 由 UNITS 减去。</translation>
    </message>
</context>
<context>
    <name>LstToGst</name>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="43"/>
        <source>Apply GST model to LST stacks</source>
        <translation>将地面温度模型应用于陆表温度数据栈</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="46"/>
        <source>&lt;p&gt;Daily ground-surface temperature GST = b0 + Σ b&lt;sub&gt;i&lt;/sub&gt;·LST&lt;sub&gt;i&lt;/sub&gt; (°C) from a model fitted by &lt;i&gt;Fit ground-surface temperature model&lt;/i&gt;, one LST stack per predictor in the model's order (e.g. Terra day, Terra night, Aqua day, Aqua night). The stacks must share one grid and the same dates. GST is missing on a day where any LST is missing (clouds); &lt;i&gt;Degree-day indices&lt;/i&gt; fills short gaps in time. Read and written one slab of dates at a time, so stacks larger than memory work.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用&lt;i&gt;拟合地面温度模型&lt;/i&gt;得到的模型计算逐日地面温度 GST = b0 + Σ b&lt;sub&gt;i&lt;/sub&gt;·LST&lt;sub&gt;i&lt;/sub&gt;（°C），每个预测变量一个陆表温度数据栈，顺序与模型一致（例如 Terra 白天、Terra 夜间、Aqua 白天、Aqua 夜间）。各数据栈必须共用同一格网和相同日期。任一陆表温度缺测（云）的日子地面温度即为缺测；&lt;i&gt;度日指数&lt;/i&gt;会在时间上填补短缺口。每次读写一块日期，因此可处理大于内存的数据栈。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="53"/>
        <source>&lt;p&gt;Output: float32 GeoTIFF, one band per date (described by its ISO date), °C, nodata -9999.&lt;/p&gt;</source>
        <translation>&lt;p&gt;输出：float32 GeoTIFF，每个日期一个波段（以其 ISO 日期描述），单位 °C，无数据值 -9999。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="57"/>
        <source>LST stacks, one per model predictor, in the model&apos;s order</source>
        <translation>陆表温度数据栈，每个模型预测变量一个，按模型中的顺序</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="57"/>
        <source>Each a multi-band GeoTIFF/netCDF with dated bands, an HDF5 file or a folder of daily files.</source>
        <translation>每个均为带日期波段的多波段 GeoTIFF/netCDF、HDF5 文件或逐日文件的文件夹。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="61"/>
        <source>GST model (JSON from cryo:gstmodel)</source>
        <translation>地面温度模型（cryo:gstmodel 输出的 JSON）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="68"/>
        <source>Daily GST</source>
        <translation>逐日地面温度</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="72"/>
        <source>Dates written</source>
        <translation>已写出的日期数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="73"/>
        <source>Fraction of pixel-days with a GST value</source>
        <translation>有地面温度值的像元·日比例</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="80"/>
        <source>INPUT is empty: give one LST stack per model predictor</source>
        <translation>INPUT 为空：请为每个模型预测变量给出一个陆表温度数据栈</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="83"/>
        <source>These LST stacks do not exist: {}</source>
        <translation>以下陆表温度数据栈不存在：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="61"/>
        <source>The OUTPUT_MODEL of Fit ground-surface temperature model: its predictors say how many LST stacks INPUT needs and in which order, its coefficients turn them into GST (°C).</source>
        <translation>“拟合地面温度模型”的 OUTPUT_MODEL：其预测变量决定 INPUT 需要几个陆表温度数据栈及其顺序，其系数将它们换算为地面温度（°C）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/lst_to_gst.py" line="68"/>
        <source>Float32 GeoTIFF on the grid of the LST stacks, one band per date described by its ISO date, GST in °C, nodata −9999 where any LST is missing.</source>
        <translation>位于陆表温度数据栈格网上的 float32 GeoTIFF，每个日期一个波段，波段描述为其 ISO 日期，地面温度单位为 °C；任一陆表温度缺测处为无数据值 −9999。</translation>
    </message>
</context>
<context>
    <name>MapAccuracy</name>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="100"/>
        <source>Map accuracy (confusion matrix, overall accuracy, kappa)</source>
        <translation>分类图精度（混淆矩阵、总体精度、Kappa 系数）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="122"/>
        <source>Classified map</source>
        <translation>分类图</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="139"/>
        <source>Reference class field (vector reference)</source>
        <translation>参考类别字段（矢量参考数据）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="145"/>
        <source>Class grouping, e.g. 1:1;2,3:0 (empty: compare classes as they are)</source>
        <translation>类别合并，例如 1:1;2,3:0（留空：按原类别比较）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="152"/>
        <source>Reference class grouping (empty: the same as CLASSES)</source>
        <translation>参考类别合并（留空：与 CLASSES 相同）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="158"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="163"/>
        <source>Overall accuracy</source>
        <translation>总体精度</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="163"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohen's Kappa 系数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="163"/>
        <source>Cells (or points) compared</source>
        <translation>参与比较的像元（或点）数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="163"/>
        <source>Cells left out</source>
        <translation>略去的像元数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="195"/>
        <source>Left out: {} ({})</source>
        <translation>略去：{}（{}）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="196"/>
        <source>N = {}, overall accuracy {:.4f}, kappa {:.4f}</source>
        <translation>N = {}，总体精度 {:.4f}，Kappa 系数 {:.4f}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="122"/>
        <source>Raster of integer classes to assess, e.g. OUTPUT_CLASSES of TTOP permafrost model. The comparison is made on its grid; its nodata cells are left out.</source>
        <translation>待评估的整数类别栅格，例如“TTOP 多年冻土模型”的 OUTPUT_CLASSES。比较在其格网上进行；其无数据像元不参与比较。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="145"/>
        <source>Groups separated by semicolons, each the classes (comma separated) before a colon and their new class after it: 1:1;2,3:0 compares class 1 with classes 2 and 3 merged into 0. Classes it does not list are left out.</source>
        <translation>以分号分隔的各组，每组冒号前为类别（逗号分隔），冒号后为其新类别：1:1;2,3:0 表示将类别 1 与合并为 0 的类别 2 和 3 进行比较。未列出的类别不参与比较。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="152"/>
        <source>A grouping written like CLASSES, for a reference whose codes differ from the map&apos;s, e.g. 10,11:1;20,30:0. Empty: CLASSES applies to the reference too.</source>
        <translation>写法与 CLASSES 相同的类别合并，用于编码与分类图不同的参考数据，例如 10,11:1;20,30:0。留空：CLASSES 同样用于参考数据。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="158"/>
        <source>Table without geometry: one row per map class with the counts per reference class (ref_1, ref_2, ...), the row total and the user&apos;s accuracy, then the rows total, producers_accuracy, overall_accuracy and kappa.</source>
        <translation>无几何的表格：每个分类图类别一行，包含各参考类别的计数（ref_1、ref_2 等）、行合计和用户精度；其后依次为 total、producers_accuracy、overall_accuracy 和 kappa 各行。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="103"/>
        <source>&lt;p&gt;Compares a classified raster (INPUT) with a reference: a raster (REFERENCE, resampled onto INPUT's grid by nearest neighbour when needed), or polygons or points (REFERENCE_VECTOR with the class field FIELD: cell centres inside a polygon take its class, a point is compared with the INPUT cell it falls in), in any CRS. Give one of REFERENCE and REFERENCE_VECTOR. Cells with nodata on either side are left out and counted in the log.&lt;/p&gt;&lt;p&gt;With the confusion matrix m (rows: map classes, columns: reference classes) and N = Σm: overall accuracy OA = Σ m&lt;sub&gt;ii&lt;/sub&gt; / N; Cohen's kappa = (OA − p&lt;sub&gt;e&lt;/sub&gt;) / (1 − p&lt;sub&gt;e&lt;/sub&gt;) with p&lt;sub&gt;e&lt;/sub&gt; = Σ row&lt;sub&gt;i&lt;/sub&gt;·column&lt;sub&gt;i&lt;/sub&gt; / N² (Cohen 1960; Congalton &amp;amp; Green 2009); user's accuracy of a class = m&lt;sub&gt;ii&lt;/sub&gt; / row total, producer's accuracy = m&lt;sub&gt;ii&lt;/sub&gt; / column total.&lt;/p&gt;&lt;p&gt;&lt;b&gt;CLASSES&lt;/b&gt; merges classes before comparing, e.g. &lt;tt&gt;1:1;2,3:0&lt;/tt&gt; compares permafrost (1) against everything else of the TTOP classes; classes it does not list are left out. It applies to the reference too unless REFERENCE_CLASSES is given (for a reference coded differently).&lt;/p&gt;&lt;p&gt;OUTPUT_TABLE: one row per map class with the counts per reference class, the row total and the user's accuracy, then a row of column totals, a row of producer's accuracies, and the overall accuracy and kappa (in the total column).&lt;/p&gt;</source>
        <translation>&lt;p&gt;将分类栅格（INPUT）与参考数据比较：参考可以是栅格（REFERENCE，必要时按最邻近法重采样到 INPUT 的格网），或多边形或点（REFERENCE_VECTOR，类别字段为 FIELD：中心位于多边形内的像元取该多边形的类别，每个点与其所在的 INPUT 像元比较），坐标参考系不限。REFERENCE 与 REFERENCE_VECTOR 二者给出其一。任一方为无数据值的像元将被略去，并在日志中计数。&lt;/p&gt;&lt;p&gt;设混淆矩阵为 m（行：分类图类别，列：参考类别），N = Σm：总体精度 OA = Σ m&lt;sub&gt;ii&lt;/sub&gt; / N；Cohen's Kappa 系数 = (OA − p&lt;sub&gt;e&lt;/sub&gt;) / (1 − p&lt;sub&gt;e&lt;/sub&gt;)，其中 p&lt;sub&gt;e&lt;/sub&gt; = Σ row&lt;sub&gt;i&lt;/sub&gt;·column&lt;sub&gt;i&lt;/sub&gt; / N²（Cohen 1960；Congalton &amp;amp; Green 2009）；某类别的用户精度 = m&lt;sub&gt;ii&lt;/sub&gt; / 行合计，生产者精度 = m&lt;sub&gt;ii&lt;/sub&gt; / 列合计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;CLASSES&lt;/b&gt; 在比较前合并类别，例如 &lt;tt&gt;1:1;2,3:0&lt;/tt&gt; 将 TTOP 类别中的多年冻土（1）与其余所有类别比较；未列出的类别将被略去。除非给出 REFERENCE_CLASSES（用于编码不同的参考数据），它同样适用于参考数据。&lt;/p&gt;&lt;p&gt;OUTPUT_TABLE：每个分类图类别一行，包含各参考类别的计数、行合计和用户精度；随后是列合计行、生产者精度行，以及总体精度和 Kappa 系数（位于合计列）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="126"/>
        <source>Reference raster</source>
        <translation>参考栅格</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="126"/>
        <source>Reference classes as a raster in any CRS, resampled onto INPUT by nearest neighbour when needed. For polygons or points use REFERENCE_VECTOR instead (scripts may still give a vector file here, with FIELD).</source>
        <translation>以栅格表示的参考类别，坐标参考系不限，必要时按最邻近法重采样到 INPUT 上。多边形或点请改用 REFERENCE_VECTOR（脚本仍可在此给出矢量文件，并配合 FIELD）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="132"/>
        <source>Reference polygons or points</source>
        <translation>参考多边形或点</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="132"/>
        <source>Reference classes as polygons (the cells whose centre lies inside take the polygon&apos;s class) or points (each compared with the INPUT cell it falls in), in any CRS, with their class in FIELD. Give this or REFERENCE, not both.</source>
        <translation>以多边形（中心位于多边形内的像元取该多边形的类别）或点（每个点与其所在的 INPUT 像元比较）表示的参考类别，坐标参考系不限，类别存放在 FIELD 中。请给出本项或 REFERENCE，不可同时给出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="139"/>
        <source>Field with the integer class of each polygon or point; needed for a vector reference, not used for a raster. Empty (NULL) values count as reference nodata.</source>
        <translation>存放每个多边形或点的整数类别的字段；矢量参考必须给出，栅格不使用。空值（NULL）视为参考数据无数据。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="180"/>
        <source>Give one reference: REFERENCE (a raster) or REFERENCE_VECTOR (polygons or points, with their class in FIELD); {}</source>
        <translation>请给出一个参考：REFERENCE（栅格）或 REFERENCE_VECTOR（多边形或点，类别存放在 FIELD 中）；{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="181"/>
        <source>both are given, leave one empty</source>
        <translation>两者都已给出，请将其中一项留空</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="181"/>
        <source>none is given</source>
        <translation>两者都未给出</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="226"/>
        <source>{} is not a readable raster or vector layer</source>
        <translation>{} 不是可读取的栅格或矢量图层</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/map_accuracy.py" line="234"/>
        <source>A vector reference needs FIELD: the field holding its classes</source>
        <translation>矢量参考需要 FIELD：存放其类别的字段</translation>
    </message>
</context>
<context>
    <name>PixelReadTask</name>
    <message>
        <location filename="../gui/pixel_task.py" line="54"/>
        <source>Reading pixel time series</source>
        <translation>正在读取像元时间序列</translation>
    </message>
</context>
<context>
    <name>PlotExportDialog</name>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="44"/>
        <source>Export the plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="30"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="30"/>
        <source>SVG drawing (vector)</source>
        <translation>SVG 图形（矢量）</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="30"/>
        <source>PDF document (vector)</source>
        <translation>PDF 文档（矢量）</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="38"/>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="39"/>
        <source>Dots per inch recorded in the PNG; text and lines scale with it</source>
        <translation>PNG 中记录的每英寸点数；文字和线条随之缩放</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="41"/>
        <source>No title</source>
        <translation>无标题</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="51"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="52"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="53"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="54"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="55"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="56"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="74"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="74"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="80"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="80"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="80"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="99"/>
        <source>Choose the file to write.</source>
        <translation>选择要写入的文件。</translation>
    </message>
    <message>
        <location filename="../gui/plot_export_dialog.py" line="104"/>
        <source>Could not write {}: {}</source>
        <translation>无法写入 {}：{}</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <location filename="../gui/plot_panel.py" line="95"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../gui/plot_panel.py" line="59"/>
        <source>Keep zoom</source>
        <translation>保持缩放</translation>
    </message>
    <message>
        <location filename="../gui/plot_panel.py" line="60"/>
        <source>Keep the plot&apos;s zoom when new series are drawn (else it shows them all)</source>
        <translation>绘制新序列时保持图表的缩放（否则显示全部序列）</translation>
    </message>
    <message>
        <location filename="../gui/plot_panel.py" line="95"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../gui/plot_panel.py" line="119"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>RegionTask</name>
    <message>
        <location filename="../gui/region_task.py" line="33"/>
        <source>Reading region time series</source>
        <translation>正在读取区域时间序列</translation>
    </message>
</context>
<context>
    <name>SnowCover</name>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="57"/>
        <source>Snow cover from daily MODIS with clouds removed</source>
        <translation>由逐日 MODIS 去云得到积雪覆盖</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="82"/>
        <source>The INPUT_AQUA folder {} is empty</source>
        <translation>INPUT_AQUA 文件夹 {} 为空</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="87"/>
        <source>INPUT_AQUA and INPUT_AQUA_FOLDER are both given: give the Aqua grids once, as a file or as a folder, and leave the other empty</source>
        <translation>同时给出了 INPUT_AQUA 和 INPUT_AQUA_FOLDER：Aqua 格网只需给一次（文件或文件夹），另一个留空</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="91"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="92"/>
        <source>&lt;p&gt;Daily snow cover from the MODIS snow products MOD10A1 (Terra) and MYD10A1 (Aqua), collection 6.1 (v061), grid NDSI_Snow_Cover, with the clouds removed by the classic sequence of Parajka &amp;amp; Blöschl (2008, J. Hydrol. 358, 240-258) and Gafurov &amp;amp; Bárdossy (2009, Hydrol. Earth Syst. Sci. 13, 1361-1373). Codes (MODIS Snow Products Collection 6.1 User Guide, Riggs, Hall &amp;amp; Román; Hall &amp;amp; Riggs 2007): 0-100 NDSI snow cover, snow when at or above NDSI_THRESHOLD (default 10 = NDSI 0.10; 40 reproduces the NDSI 0.4 threshold of collection 5), else no snow; 237 inland water and 239 ocean: water; 250 cloud; 200 missing, 201 no decision, 211 night, 254 saturated, 255 fill: no data (never filled). Any other value refuses the run (a reflectance or temperature grid given by mistake). Output classes: {}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由 MODIS 积雪产品 MOD10A1（Terra）和 MYD10A1（Aqua）第 6.1 版（v061）的 NDSI_Snow_Cover 格网得到逐日积雪覆盖，按 Parajka &amp;amp; Blöschl（2008, J. Hydrol. 358, 240-258）和 Gafurov &amp;amp; Bárdossy（2009, Hydrol. Earth Syst. Sci. 13, 1361-1373）的经典步骤去云。代码（MODIS Snow Products Collection 6.1 User Guide，Riggs, Hall &amp;amp; Román；Hall &amp;amp; Riggs 2007）：0-100 为 NDSI 积雪覆盖，大于等于 NDSI_THRESHOLD（默认 10，即 NDSI 0.10；40 对应第 5 版的 NDSI 0.4 阈值）为积雪，否则为无雪；237 内陆水体和 239 海洋：水体；250 云；200 缺测、201 未判定、211 夜间、254 饱和、255 填充：无数据（从不填补）。其他任何值都会拒绝运行（误给了反射率或温度格网）。输出类别：{}。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="133"/>
        <source>&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: OUTPUT, the daily classes (one 8-bit band per date of either satellite, described by its ISO date, styled); OUTPUT_TABLE, a CSV per date with the area of each class in km² (true cell areas: the pixel area on MODIS sinusoidal and other equal-area grids, the ellipsoidal cell area on geographic grids), cloud_input_km2 (cloud in INPUT before the steps), snow_fraction = snow / (snow + no snow), cloud_fraction = cloud / (snow + no snow + cloud), and the day's land_line_m and snow_line_m; OUTPUT_INDICATORS, per complete season (starting YEAR_START, default 08-01, named by the year it starts in; day 1 = its first day) the bands snow_cover_duration (days of the longest run of consecutive snow days), snow_onset and snow_end (its first and last day; the earliest of equally long runs), snow_days (snow days in the season); any day that is not snow breaks a run; nodata −32768. Results: CLOUD_BEFORE, the cloud fraction of INPUT's land pixel-days (snow, no snow, cloud), CLOUD_AFTER, the same after every step, N_DATES.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：OUTPUT，逐日类别（任一卫星的每个日期一个 8 位波段，以 ISO 日期描述，已设置样式）；OUTPUT_TABLE，每个日期一行的 CSV，给出各类面积（km²，真实像元面积：MODIS 正弦投影等等积格网取像元面积，地理坐标格网取椭球面像元面积）、cloud_input_km2（各步骤之前 INPUT 中的云）、snow_fraction = 积雪 / (积雪 + 无雪)、cloud_fraction = 云 / (积雪 + 无雪 + 云)，以及当日的 land_line_m 和 snow_line_m；OUTPUT_INDICATORS，每个完整季节（从 YEAR_START 开始，默认 08-01，以开始年份命名；第 1 天为其首日）的波段 snow_cover_duration（最长连续积雪日的天数）、snow_onset 和 snow_end（该连续期的首日和末日；等长时取最早的一段）、snow_days（季节内的积雪日数）；任何非积雪日都会中断连续期；无数据值 −32768。结果：CLOUD_BEFORE，INPUT 陆地像元日（积雪、无雪、云）中云的比例；CLOUD_AFTER，所有步骤之后的同一比例；N_DATES。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="155"/>
        <source>Aqua (MYD10A1) stack, file or folder</source>
        <translation>Aqua（MYD10A1）栈，文件或文件夹</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="155"/>
        <source>The MYD10A1 NDSI_Snow_Cover grids on the grid of INPUT, as a folder of daily granules or a dated multi-band GeoTIFF, when INPUT holds the Terra (MOD10A1) grids only. Leave empty when INPUT is a folder holding both MOD10A1 and MYD10A1 files.</source>
        <translation>与 INPUT 同格网的 MYD10A1 NDSI_Snow_Cover 格网，为逐日数据文件夹或带日期的多波段 GeoTIFF，用于 INPUT 只含 Terra（MOD10A1）格网的情况。INPUT 为同时含 MOD10A1 和 MYD10A1 文件的文件夹时留空。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="161"/>
        <source>…or a folder of Aqua (MYD10A1) granules</source>
        <translation>……或 Aqua（MYD10A1）逐日数据文件夹</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="161"/>
        <source>A folder of daily MYD10A1 granules (or dated files of their codes), instead of INPUT_AQUA.</source>
        <translation>逐日 MYD10A1 数据（或其代码的带日期文件）所在文件夹，代替 INPUT_AQUA。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="165"/>
        <source>DEM on the grid of the input (for the snow line)</source>
        <translation>与输入同格网的 DEM（用于雪线）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="165"/>
        <source>Elevations in metres on exactly the grid of the snow cover input (same CRS, cells and extent; warp it first otherwise). Needed by SNOWLINE; without it that step is skipped.</source>
        <translation>与积雪覆盖输入格网完全一致（坐标系、像元和范围相同；否则请先重投影）的高程，单位米。SNOWLINE 需要它；没有时跳过该步骤。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="170"/>
        <source>NDSI threshold of snow (NDSI x 100)</source>
        <translation>积雪的 NDSI 阈值（NDSI x 100）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="170"/>
        <source>A cell with an NDSI_Snow_Cover value at or above this (1-100) is snow, below it no snow. Default 10 (NDSI 0.10); 40 reproduces the NDSI 0.4 threshold of collection 5.</source>
        <translation>NDSI_Snow_Cover 值大于等于此值（1-100）的像元为积雪，小于则为无雪。默认 10（NDSI 0.10）；40 对应第 5 版的 NDSI 0.4 阈值。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Step 1: combine Terra and Aqua of the same day</source>
        <translation>步骤 1：合并同日的 Terra 和 Aqua</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Where Terra saw cloud or nothing, take Aqua&apos;s snow or no snow of the same day.</source>
        <translation>在 Terra 看到云或无观测处，取同日 Aqua 的积雪或无雪。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Step 2: temporal filter</source>
        <translation>步骤 2：时间滤波</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>A cloud cell takes the state of the nearest clear days before and after it within TEMPORAL_DAYS when both agree.</source>
        <translation>云像元在前后 TEMPORAL_DAYS 天内最近的晴空观测一致时，取该状态。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Step 3: spatial filter (8 neighbours)</source>
        <translation>步骤 3：空间滤波（8 邻域）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>A cloud cell with at least SPATIAL_MIN_CLEAR clear neighbours takes their majority state.</source>
        <translation>至少有 SPATIAL_MIN_CLEAR 个晴空邻域的云像元取这些邻域的多数状态。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Step 4: regional snow line from the DEM</source>
        <translation>步骤 4：由 DEM 得到区域雪线</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Cloud cells above the day&apos;s snow line become snow, below its land line no snow (needs DEM).</source>
        <translation>高于当日雪线的云像元变为积雪，低于陆地线的变为无雪（需要 DEM）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Step 5: seasonal filter</source>
        <translation>步骤 5：季节滤波</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>A cloud cell between two snow observations of the same season becomes snow.</source>
        <translation>同一季节两次积雪观测之间的云像元变为积雪。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="196"/>
        <source>Temporal filter: days on each side (N)</source>
        <translation>时间滤波：每侧天数（N）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="196"/>
        <source>How far (1-3 days) the temporal filter looks before and after a cloud day for a clear observation; default 3.</source>
        <translation>时间滤波在云日前后为寻找晴空观测而查看的天数（1-3 天）；默认 3。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="202"/>
        <source>Spatial filter: clear neighbours needed (K)</source>
        <translation>空间滤波：所需晴空邻域数（K）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="202"/>
        <source>How many of the 8 neighbours (1-8) must be clear (snow or no snow) for the spatial filter to fill a cloud cell; default 4.</source>
        <translation>空间滤波填补云像元所需的晴空（积雪或无雪）邻域数（8 个中的 1-8 个）；默认 4。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="216"/>
        <source>Snow line tolerance (%)</source>
        <translation>雪线容差（%）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="216"/>
        <source>The share (0-49 %) of the snow cells allowed below the snow line&apos;s a and of the no-snow cells allowed above its b (snow patches, misclassified cells); 0 uses the lowest snow and the highest no-snow cell. Default 2 %.</source>
        <translation>允许位于雪线 a 之下的积雪像元比例和位于 b 之上的无雪像元比例（0-49 %；积雪斑块、误分类像元）；0 表示使用最低的积雪像元和最高的无雪像元。默认 2 %。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="222"/>
        <source>Snow line: clear cells needed on a day (%)</source>
        <translation>雪线：当日所需晴空像元（%）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="222"/>
        <source>A day gets snow and land lines only when its clear cells are at least this share of its land cells (with an elevation); default 5 %.</source>
        <translation>只有当日晴空像元至少占其（有高程的）陆地像元的这一比例时，才计算积雪线和陆地线；默认 5 %。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="228"/>
        <source>Season starts on (MM-DD)</source>
        <translation>季节开始日（MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="228"/>
        <source>Month and day (MM-DD) on which each snow season begins (default 08-01, the hydrological year): the seasonal filter works within a season, and the indicators are computed per complete season.</source>
        <translation>每个积雪季节开始的月日（MM-DD，默认 08-01，水文年）：季节滤波在一个季节内进行，指标按完整季节计算。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="234"/>
        <source>Daily snow cover, clouds removed</source>
        <translation>逐日积雪覆盖（已去云）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="234"/>
        <source>GeoTIFF with one 8-bit band per date, described by its ISO date: 0 no snow, 1 snow, 2 cloud left, 3 water, 255 no data; styled with the class colours.</source>
        <translation>每个日期一个 8 位波段（以 ISO 日期描述）的 GeoTIFF：0 无雪、1 积雪、2 残留云、3 水体、255 无数据；按类别颜色设置样式。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="238"/>
        <source>Daily snow and cloud areas (km²)</source>
        <translation>逐日积雪和云面积（km²）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="238"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="238"/>
        <source>CSV with one row per date: the area of each class in km² (true cell areas), cloud in INPUT before the steps, snow_fraction, cloud_fraction, and the day's land and snow line (m).</source>
        <translation>每个日期一行的 CSV：各类面积（km²，真实像元面积）、各步骤之前 INPUT 中的云、snow_fraction、cloud_fraction，以及当日的陆地线和雪线（m）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="243"/>
        <source>Snow season indicators</source>
        <translation>积雪季节指标</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="243"/>
        <source>Int16 GeoTIFF with the bands snow_cover_duration, snow_onset, snow_end and snow_days of every complete season, named &lt;indicator&gt;_&lt;year&gt; (days of the season, day 1 = YEAR_START); nodata −32768. Skipped with a warning when the input holds no complete season and no file was named.</source>
        <translation>Int16 GeoTIFF，含每个完整季节的波段 snow_cover_duration、snow_onset、snow_end 和 snow_days，命名为 &lt;indicator&gt;_&lt;year&gt;（季节中的日序，第 1 天 = YEAR_START）；无数据值 −32768。输入中没有完整季节且未指定文件时，跳过并给出警告。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="250"/>
        <source>Cloud fraction before (INPUT)</source>
        <translation>去云前云比例（INPUT）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="251"/>
        <source>Cloud fraction after every step</source>
        <translation>所有步骤之后的云比例</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="252"/>
        <source>Number of dates</source>
        <translation>日期数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="286"/>
        <source>No complete season starting {:02d}-{:02d} in {} .. {}: OUTPUT_INDICATORS skipped</source>
        <translation>没有从 {:02d}-{:02d} 开始、位于 {} .. {} 内的完整季节：跳过 OUTPUT_INDICATORS</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="315"/>
        <source>EXTENT is empty; give xmin,xmax,ymin,ymax of the grid</source>
        <translation>EXTENT 为空；请给出格网的 xmin,xmax,ymin,ymax</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="319"/>
        <source>A CRS other than EPSG:4326 needs an EXTENT too (the grid&apos;s bounds in that CRS)</source>
        <translation>EPSG:4326 以外的坐标系还需要 EXTENT（格网在该坐标系中的范围）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="145"/>
        <source>&lt;p&gt;&lt;b&gt;MODIS granules&lt;/b&gt;: a folder of daily granules as downloaded (MOD10A1.AYYYYDDD.hHHvVV.061.*.hdf, HDF4; tiles of one date are mosaicked; the grid NDSI_Snow_Cover is chosen by default), which may hold both MOD10A1 and MYD10A1 files (told apart by the start of their names), or a multi-band GeoTIFF of the codes whose band descriptions are ISO dates; INPUT_AQUA takes the Aqua stack when INPUT holds Terra only.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;MODIS 数据&lt;/b&gt;：按下载时的逐日数据文件夹（MOD10A1.AYYYYDDD.hHHvVV.061.*.hdf，HDF4；同一日期的各图幅拼接；默认选择 NDSI_Snow_Cover 格网），可同时包含 MOD10A1 和 MYD10A1 文件（按文件名开头区分），或波段描述为 ISO 日期的代码多波段 GeoTIFF；INPUT 只含 Terra 时，INPUT_AQUA 给出 Aqua 栈。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="102"/>
        <source>&lt;p&gt;&lt;b&gt;Steps&lt;/b&gt;, each switchable; the log counts the pixel-days each one changed. Every step reads the states as the previous step left them (never its own fills).&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;TERRA_AQUA&lt;/b&gt;: Terra keeps its observation (about 10:30 local time); where it saw cloud or nothing, Aqua's snow or no snow of the same day (about 13:30) is taken.&lt;/li&gt;&lt;li&gt;&lt;b&gt;TEMPORAL&lt;/b&gt; (±TEMPORAL_DAYS = N days, 1-3): a cloud cell on day t takes the state of the nearest clear observation before it within t−N .. t−1 when the nearest clear observation after it within t+1 .. t+N has the same state; otherwise it stays cloud.&lt;/li&gt;&lt;li&gt;&lt;b&gt;SPATIAL&lt;/b&gt;: a cloud cell with at least SPATIAL_MIN_CLEAR (K) clear cells among its 8 neighbours of the same day takes the majority state of those clear neighbours (a tie leaves it cloud).&lt;/li&gt;&lt;li&gt;&lt;b&gt;SNOWLINE&lt;/b&gt; (needs DEM, on the grid of the input): per day, from all clear cells of the grid after steps 1-3 (a first pass), a = the elevation below which only SNOWLINE_TOLERANCE (q, default 2 %) of the snow cells lie and b = the elevation above which only q of the no-snow cells lie; a cloud cell above the snow line max(a, b) becomes snow, below the land line min(a, b) no snow, between them it stays cloud (q = 0: above the highest no-snow cell snow, below the lowest snow cell no snow). A day without snow has only the land line b, a day without bare land only the snow line a; a day whose clear cells are fewer than SNOWLINE_MIN_CLEAR (default 5 %) of its land cells gets no lines. Elevations are compared in equal bins of the DEM's range (1,024 bins, or 10 m ones when those are wider).&lt;/li&gt;&lt;li&gt;&lt;b&gt;SEASONAL&lt;/b&gt;: a cloud cell whose nearest clear observations before and after it in the same season are both snow becomes snow.&lt;/li&gt;&lt;li&gt;&lt;b&gt;NEAREST&lt;/b&gt; (off by default; a last resort after the classic sequence): a cloud cell still left takes the state of the nearest clear observation of the same cell in time, before or after it in the same season and at most NEAREST_DAYS days away (default 7); when the clear days before and after are equally far and disagree, the earlier one. This is the temporal gap filling of the MODIS cloud-gap-filled products MOD10A1F/MYD10A1F (Hall et al. 2010, Remote Sens. Environ. 114, 496-503; Hall et al. 2019, Hydrol. Earth Syst. Sci. 23, 5227: a cloud cell keeps the previous clear view) taken on both sides, as forward and backward gap filling (Foppa &amp;amp; Seiz 2012, The Cryosphere 6, 331-342), bounded in age. It removes nearly all the cloud the classic steps leave, but less reliably than they do: the final step of Gafurov &amp;amp; Bárdossy, which likewise removes every remaining cloud, was the least accurate of their sequence (about 80 %, against 90-96 % for the others; EGU2010-7250).&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;步骤&lt;/b&gt;均可单独开关；日志统计每一步改变的像元日数。每一步读取的是上一步留下的状态（从不读取本步自己的填补）。&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;TERRA_AQUA&lt;/b&gt;：保留 Terra 的观测（地方时约 10:30）；在其看到云或无观测处，取同日 Aqua（约 13:30）的积雪或无雪。&lt;/li&gt;&lt;li&gt;&lt;b&gt;TEMPORAL&lt;/b&gt;（±TEMPORAL_DAYS = N 天，1-3）：第 t 日的云像元，若 t−N .. t−1 内最近的晴空观测与 t+1 .. t+N 内最近的晴空观测状态相同，则取该状态；否则仍为云。&lt;/li&gt;&lt;li&gt;&lt;b&gt;SPATIAL&lt;/b&gt;：同日 8 个邻域中至少有 SPATIAL_MIN_CLEAR（K）个晴空像元的云像元，取这些晴空邻域的多数状态（票数相同则仍为云）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;SNOWLINE&lt;/b&gt;（需要与输入同格网的 DEM）：逐日由步骤 1-3 之后整个格网的全部晴空像元（第一遍扫描）求 a = 只有 SNOWLINE_TOLERANCE（q，默认 2 %）的积雪像元位于其下的高程，b = 只有 q 的无雪像元位于其上的高程；高于雪线 max(a, b) 的云像元变为积雪，低于陆地线 min(a, b) 的变为无雪，介于二者之间的仍为云（q = 0：高于最高无雪像元为积雪，低于最低积雪像元为无雪）。没有积雪的日子只有陆地线 b，没有裸地的日子只有雪线 a；晴空像元少于其陆地像元 SNOWLINE_MIN_CLEAR（默认 5 %）的日子不求这两条线。高程在 DEM 值域的等宽分箱中比较（1,024 个分箱，若 10 m 分箱更宽则用 10 m）。&lt;/li&gt;&lt;li&gt;&lt;b&gt;SEASONAL&lt;/b&gt;：在同一季节中前后最近的晴空观测都是积雪的云像元变为积雪。&lt;/li&gt;&lt;li&gt;&lt;b&gt;NEAREST&lt;/b&gt;（默认关闭；经典步骤之后的最后手段）：仍为云的像元取同一像元在时间上最近的晴空观测的状态，须在同一季节内、前后不超过 NEAREST_DAYS 天（默认 7）；前后晴空日距离相等但状态不一致时取较早的一个。这是 MODIS 去云填补产品 MOD10A1F/MYD10A1F 的时间填补（Hall et al. 2010, Remote Sens. Environ. 114, 496-503；Hall et al. 2019, Hydrol. Earth Syst. Sci. 23, 5227：云像元保留上一次晴空观测），在前后两侧进行，即前向和后向填补（Foppa &amp;amp; Seiz 2012, The Cryosphere 6, 331-342），并限定时间间隔。它几乎能去除经典步骤留下的全部云，但可靠性不及经典步骤：Gafurov &amp;amp; Bárdossy 中同样去除全部剩余云的最后一步，是其序列中精度最低的一步（约 80 %，其他步骤为 90-96 %；EGU2010-7250）。&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Step 6: nearest clear day (last resort)</source>
        <translation>步骤 6：最近晴空日（最后手段）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="175"/>
        <source>Off by default. A cloud cell still left after the other steps takes the state of the nearest clear day of the same cell within NEAREST_DAYS days in the same season (the earlier one on a tie); less reliable than the classic steps.</source>
        <translation>默认关闭。其他步骤之后仍为云的像元，取同一季节内 NEAREST_DAYS 天以内同一像元最近晴空日的状态（距离相等时取较早者）；可靠性不及经典步骤。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="209"/>
        <source>Nearest clear day: at most this many days away</source>
        <translation>最近晴空日：最多相隔天数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_cover.py" line="209"/>
        <source>How far (1-120 days) before or after a cloud day step 6 looks for a clear day of the same cell; farther clear days leave the cell cloud. Default 7.</source>
        <translation>步骤 6 在云日前后寻找同一像元晴空日的范围（1-120 天）；更远的晴空日不采用，像元仍为云。默认 7。</translation>
    </message>
</context>
<context>
    <name>SnowDepth</name>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="74"/>
        <source>Snow depth from passive microwave (Chang, Che)</source>
        <translation>被动微波雪深（Chang、Che）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="81"/>
        <source>&lt;p&gt;Daily snow depth from the horizontally polarised brightness temperatures at 18/19 GHz (INPUT) and 36/37 GHz (INPUT_36), e.g. AMSR2 or SSMIS daily grids: &lt;b&gt;SD = a · (Tb18H − Tb36H) + b&lt;/b&gt; in cm, Tb in K. Dry snow scatters the higher frequency more, so the gradient grows with depth.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PRESET&lt;/b&gt;: chang1987: a = 1.59 cm/K, b = 0 (Chang, Foster &amp;amp; Hall 1987, Ann. Glaciol. 9, 39-44; Nimbus-7 SMMR 18 and 37 GHz H, derived for a snow density of 0.3 g/cm³ and 0.35 mm grains); che2008: a = 0.66 cm/K, b = 1.97 cm (Che, Li, Jin, Armstrong &amp;amp; Zhang 2008, Ann. Glaciol. 49, 145-154; the Chang algorithm re-fitted to the stations of China for SSM/I 19 and 37 GHz H; these are the coefficients as later studies cite that paper, not checked against the paper itself: if the paper's own values differ for your sensor, give them with PRESET custom); custom: COEFFICIENT_A and COEFFICIENT_B.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Screening&lt;/b&gt; (counted in the log): Tb36H &amp;gt; 255 K means snow-free ground or &lt;i&gt;wet&lt;/i&gt; snow, whose liquid water hides the scattering signal: 0 cm (under wet snow the depth is unknown, not zero); Tb18H − Tb36H &amp;lt; 0 means no dry snow: 0 cm; a negative depth is 0 cm. With SNOW_MASK (a daily class stack on the same grid and dates, e.g. the output of cryo:snowcover), a cell whose mask code is neither one of SNOW_MASK_CODE nor one of SNOW_MASK_UNKNOWN_CODES (cloud) nor the mask's nodata has no snow: 0 cm; unknown cells keep the microwave depth.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Units&lt;/b&gt;: the stored values become kelvin as value × SCALE + OFFSET (empty: the file's own scale_factor and add_offset, else 1 and 0); NODATA (empty: the files' own) marks missing values. Brightness temperatures outside 100-320 K are refused with the likely cause (tenths or hundredths of a kelvin without their scale factor, °C, fill values). Both stacks must have the same grid and the same dates.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Outputs&lt;/b&gt;: OUTPUT, the daily snow depth (float32, cm: the bands' unit and the UNITS metadata say so; band descriptions are the ISO dates; nodata −9999; styled); OUTPUT_SEASONS, per season (starting SEASON_START, default 08-01, named by the year it starts in) the bands max_depth_cm_YYYY, mean_depth_cm_YYYY (over the days with a value, snow-free days counting 0), max_swe_mm_YYYY and mean_swe_mm_YYYY (SWE = SD · ρ_s / ρ_w, with SD in mm and ρ_s = DENSITY), and valid_days_YYYY. DENSITY defaults to 0.24 g/cm³, about the initial bulk density of the tundra and prairie snow classes of Sturm et al. 2010 (J. Hydrometeorol. 11, 1380-1393); Chang et al. 1987 assumed 0.30 g/cm³.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由 18/19 GHz（INPUT）和 36/37 GHz（INPUT_36）水平极化亮温（如 AMSR2 或 SSMIS 逐日格网）计算逐日雪深：&lt;b&gt;SD = a · (Tb18H − Tb36H) + b&lt;/b&gt;，单位 cm，Tb 单位 K。干雪对较高频率的散射更强，因此梯度随雪深增大。&lt;/p&gt;&lt;p&gt;&lt;b&gt;PRESET&lt;/b&gt;：chang1987：a = 1.59 cm/K，b = 0（Chang, Foster &amp;amp; Hall 1987, Ann. Glaciol. 9, 39-44；Nimbus-7 SMMR 18 和 37 GHz H，按雪密度 0.3 g/cm³、粒径 0.35 mm 推导）；che2008：a = 0.66 cm/K，b = 1.97 cm（Che, Li, Jin, Armstrong &amp;amp; Zhang 2008, Ann. Glaciol. 49, 145-154；基于中国台站为 SSM/I 19 和 37 GHz H 重新拟合的 Chang 算法；这是后续研究引用该文时给出的系数，未与原文核对：若原文对你的传感器给出不同数值，请用 PRESET custom 输入）；custom：COEFFICIENT_A 和 COEFFICIENT_B。&lt;/p&gt;&lt;p&gt;&lt;b&gt;筛选&lt;/b&gt;（在日志中计数）：Tb36H &amp;gt; 255 K 表示无雪地表或&lt;i&gt;湿&lt;/i&gt;雪，液态水掩盖了散射信号：0 cm（湿雪下雪深未知，而非为零）；Tb18H − Tb36H &amp;lt; 0 表示没有干雪：0 cm；负雪深记为 0 cm。给出 SNOW_MASK（同格网、同日期的逐日分类栈，如 cryo:snowcover 的输出）时，掩膜代码既不属于 SNOW_MASK_CODE、也不属于 SNOW_MASK_UNKNOWN_CODES（云）、也不是掩膜无数据值的像元视为无雪：0 cm；未知像元保留微波雪深。&lt;/p&gt;&lt;p&gt;&lt;b&gt;单位&lt;/b&gt;：存储值按 值 × SCALE + OFFSET 换算为开尔文（留空：使用文件自身的 scale_factor 和 add_offset，否则为 1 和 0）；NODATA（留空：使用文件自身的）标记缺测值。亮温超出 100-320 K 时拒绝并说明可能原因（未乘比例因子的十分之一或百分之一开尔文、°C、填充值）。两个栈必须格网相同、日期相同。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出&lt;/b&gt;：OUTPUT，逐日雪深（float32，cm：波段单位和 UNITS 元数据注明；波段描述为 ISO 日期；无数据值 −9999；已设置样式）；OUTPUT_SEASONS，每个季节（从 SEASON_START 开始，默认 08-01，以开始年份命名）的波段 max_depth_cm_YYYY、mean_depth_cm_YYYY（对有值的日子求平均，无雪日计为 0）、max_swe_mm_YYYY 和 mean_swe_mm_YYYY（SWE = SD · ρ_s / ρ_w，SD 以 mm 计，ρ_s = DENSITY），以及 valid_days_YYYY。DENSITY 默认 0.24 g/cm³，约为 Sturm et al. 2010（J. Hydrometeorol. 11, 1380-1393）苔原和草原雪类的初始体密度；Chang et al. 1987 假定为 0.30 g/cm³。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="110"/>
        <source>&lt;p&gt;The stacks are read in blocks of rows and dates sized to a memory budget, so memory does not grow with the record length. DATASET, START_DATE, EXTENT, CRS and PASS apply to both stacks.&lt;/p&gt;</source>
        <translation>&lt;p&gt;按内存预算分行块和日期块读取两个栈，内存不随记录长度增长。DATASET、START_DATE、EXTENT、CRS 和 PASS 同时作用于两个栈。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="117"/>
        <source>Daily Tb at 18/19 GHz, horizontal polarisation (file)</source>
        <translation>18/19 GHz 水平极化逐日亮温（文件）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="118"/>
        <source>Daily brightness temperatures at 18.7 GHz (AMSR2) or 19.35 GHz (SSM/I, SSMIS), horizontal polarisation: an HDF5 file, a dated multi-band GeoTIFF/netCDF; for a folder of daily files use INPUT_FOLDER.</source>
        <translation>18.7 GHz（AMSR2）或 19.35 GHz（SSM/I、SSMIS）水平极化逐日亮温：HDF5 文件、带日期的多波段 GeoTIFF/netCDF；逐日文件所在文件夹请用 INPUT_FOLDER。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="122"/>
        <source>…or a folder of daily Tb 18/19 GHz H files</source>
        <translation>……或逐日 18/19 GHz H 亮温文件所在文件夹</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="124"/>
        <source>Daily Tb at 36/37 GHz, horizontal polarisation</source>
        <translation>36/37 GHz 水平极化逐日亮温</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="124"/>
        <source>Daily brightness temperatures at 36.5 GHz (AMSR2) or 37 GHz (SSM/I, SSMIS), horizontal polarisation, in the same layout as INPUT (a file; scripts may give a folder of daily files): same grid and same dates.</source>
        <translation>36.5 GHz（AMSR2）或 37 GHz（SSM/I、SSMIS）水平极化逐日亮温，组织方式与 INPUT 相同（文件；脚本可给出逐日文件所在文件夹）：格网和日期相同。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="130"/>
        <source>Coefficients</source>
        <translation>系数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="130"/>
        <source>chang1987: a = 1.59 cm/K, b = 0 (Chang et al. 1987); che2008: a = 0.66 cm/K, b = 1.97 cm for China (Che et al. 2008); custom: COEFFICIENT_A and COEFFICIENT_B.</source>
        <translation>chang1987：a = 1.59 cm/K，b = 0（Chang et al. 1987）；che2008：中国地区 a = 0.66 cm/K，b = 1.97 cm（Che et al. 2008）；custom：COEFFICIENT_A 和 COEFFICIENT_B。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="136"/>
        <source>Coefficient a (cm/K, PRESET custom)</source>
        <translation>系数 a（cm/K，PRESET custom）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="136"/>
        <source>Slope a of SD = a · (Tb18H − Tb36H) + b in cm per kelvin, &gt; 0; used with PRESET custom.</source>
        <translation>SD = a · (Tb18H − Tb36H) + b 的斜率 a，单位 cm/K，须 &gt; 0；PRESET custom 时使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="136"/>
        <source>Coefficient b (cm, PRESET custom)</source>
        <translation>系数 b（cm，PRESET custom）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="136"/>
        <source>Intercept b of SD = a · (Tb18H − Tb36H) + b in cm; used with PRESET custom.</source>
        <translation>SD = a · (Tb18H − Tb36H) + b 的截距 b，单位 cm；PRESET custom 时使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="143"/>
        <source>Scale factor of stored Tb (empty: the file&apos;s own, else 1)</source>
        <translation>存储亮温的比例因子（留空：使用文件自身的，否则为 1）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="143"/>
        <source>Stored values × SCALE + OFFSET give kelvin. Empty: the file's scale_factor, else 1. AMSR2 L3 stores Tb × 100 (SCALE 0.01); products in tenths of a kelvin need 0.1.</source>
        <translation>存储值 × SCALE + OFFSET 得到开尔文。留空：使用文件的 scale_factor，否则为 1。AMSR2 L3 存储 Tb × 100（SCALE 0.01）；以十分之一开尔文存储的产品需要 0.1。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="143"/>
        <source>Offset added after scaling, K (empty: the file&apos;s own, else 0)</source>
        <translation>缩放后加上的偏移，K（留空：使用文件自身的，否则为 0）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="143"/>
        <source>Added to the scaled values, in kelvin. Empty: the file&apos;s add_offset, else 0.</source>
        <translation>加到缩放后数值上的量，单位开尔文。留空：使用文件的 add_offset，否则为 0。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="143"/>
        <source>Stored value of missing Tb (empty: the files&apos; own)</source>
        <translation>缺测亮温的存储值（留空：使用文件自身的）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="143"/>
        <source>The stored value that marks a missing brightness temperature (e.g. 65535 or 0), when the files do not declare it; empty: their nodata or _FillValue.</source>
        <translation>文件未声明时，标记缺测亮温的存储值（如 65535 或 0）；留空：使用其 nodata 或 _FillValue。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="156"/>
        <source>Snow mask: daily class stack (optional)</source>
        <translation>雪掩膜：逐日分类栈（可选）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="156"/>
        <source>A daily class stack on the grid of the Tb stacks with a grid for every one of their dates, e.g. the output of cryo:snowcover: where it holds a known code other than SNOW_MASK_CODE, the depth is 0 cm.</source>
        <translation>与亮温栈同格网、且其每个日期都有格网的逐日分类栈，如 cryo:snowcover 的输出：其中为 SNOW_MASK_CODE 以外的已知代码处，雪深为 0 cm。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="162"/>
        <source>Snow code(s) of the mask</source>
        <translation>掩膜的积雪代码</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="162"/>
        <source>Class code(s) of SNOW_MASK that mean snow, separated by commas (default: the snow class of cryo:snowcover).</source>
        <translation>SNOW_MASK 中表示积雪的分类代码，以逗号分隔（默认：cryo:snowcover 的积雪类）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="167"/>
        <source>Codes of the mask that are not known (cloud)</source>
        <translation>掩膜中表示未知（云）的代码</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="167"/>
        <source>Class code(s) of SNOW_MASK that say nothing about snow (cloud left, no data), separated by commas (default: those of cryo:snowcover): those cells keep the microwave depth, like the mask&apos;s nodata.</source>
        <translation>SNOW_MASK 中不说明积雪情况的分类代码（残留云、无数据），以逗号分隔（默认：cryo:snowcover 的对应代码）：这些像元与掩膜无数据值一样保留微波雪深。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="174"/>
        <source>Season starts on (MM-DD)</source>
        <translation>季节开始日（MM-DD）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="174"/>
        <source>Month and day (MM-DD, default 08-01) on which each snow season begins; a season is named by the year it starts in.</source>
        <translation>每个积雪季节开始的月日（MM-DD，默认 08-01）；季节以其开始年份命名。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="179"/>
        <source>Snow density for SWE (g/cm³)</source>
        <translation>计算 SWE 的雪密度（g/cm³）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="179"/>
        <source>Bulk snow density ρ_s in g/cm³ for SWE = SD · ρ_s / ρ_w (default 0.24, about the initial density of the tundra and prairie classes of Sturm et al. 2010; Chang et al. 1987 used 0.30).</source>
        <translation>SWE = SD · ρ_s / ρ_w 中的雪体密度 ρ_s，单位 g/cm³（默认 0.24，约为 Sturm et al. 2010 苔原和草原雪类的初始密度；Chang et al. 1987 使用 0.30）。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="185"/>
        <source>Daily snow depth (cm)</source>
        <translation>逐日雪深（cm）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="185"/>
        <source>Float32 GeoTIFF, one band per date (description = ISO date), snow depth in cm (band unit cm), nodata −9999.</source>
        <translation>Float32 GeoTIFF，每个日期一个波段（描述为 ISO 日期），雪深单位 cm（波段单位 cm），无数据值 −9999。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="189"/>
        <source>Season maximum, mean and SWE</source>
        <translation>季节最大值、平均值和 SWE</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="189"/>
        <source>Float32 GeoTIFF, per season the bands max_depth_cm_YYYY, mean_depth_cm_YYYY, max_swe_mm_YYYY, mean_swe_mm_YYYY and valid_days_YYYY; nodata −9999.</source>
        <translation>Float32 GeoTIFF，每个季节的波段 max_depth_cm_YYYY、mean_depth_cm_YYYY、max_swe_mm_YYYY、mean_swe_mm_YYYY 和 valid_days_YYYY；无数据值 −9999。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="194"/>
        <source>Dates</source>
        <translation>日期数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="195"/>
        <source>Seasons</source>
        <translation>季节数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="196"/>
        <source>Deepest snow (cm)</source>
        <translation>最大雪深（cm）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="197"/>
        <source>Fraction of cell-days screened to 0 (warm, wet or no dry snow)</source>
        <translation>筛选为 0 的像元日比例（暖、湿或无干雪）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/snow_depth.py" line="211"/>
        <source>COEFFICIENT_A and COEFFICIENT_B are used with PRESET custom only; PRESET {} is used as it is</source>
        <translation>COEFFICIENT_A 和 COEFFICIENT_B 仅在 PRESET custom 时使用；PRESET {} 按原样使用</translation>
    </message>
</context>
<context>
    <name>StackAlgorithm</name>
    <message>
        <location filename="../processing/stack_parameters.py" line="186"/>
        <source>The INPUT folder {} is empty</source>
        <translation>INPUT 文件夹 {} 为空</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="187"/>
        <source>The INPUT_FOLDER folder {} is empty</source>
        <translation>INPUT_FOLDER 文件夹 {} 为空</translation>
    </message>
    <message>
        <location filename="../processing/stack_parameters.py" line="191"/>
        <source>INPUT_FOLDER {} is not a folder; give a folder of daily files, or the file as INPUT</source>
        <translation>INPUT_FOLDER {} 不是文件夹；请给出逐日文件的文件夹，或将文件作为 INPUT 给出</translation>
    </message>
</context>
<context>
    <name>TimeSeriesDock</name>
    <message>
        <location filename="../gui/timeseries_dock.py" line="50"/>
        <source>Cryosphere time series</source>
        <translation>冰冻圈时间序列</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="73"/>
        <source>Rasters whose bands are plotted when you click the map</source>
        <translation>单击地图时绘制其波段的栅格</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="74"/>
        <source>Rasters (one band per date):</source>
        <translation>栅格（每个日期一个波段）：</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="78"/>
        <source>Pick on map</source>
        <translation>在地图上拾取</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="80"/>
        <source>Click the map to plot that pixel&apos;s series</source>
        <translation>单击地图以绘制该像元的序列</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="81"/>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="82"/>
        <source>Keep the plotted series to compare them with the next pick</source>
        <translation>保留已绘制的序列，以便与下一次拾取比较</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="83"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="84"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="85"/>
        <source>Export the plotted series to a CSV table</source>
        <translation>将已绘制的序列导出为 CSV 表</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="119"/>
        <source>Table series</source>
        <translation>表格序列</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="134"/>
        <source>A cryo:lakeicephenology table: its dates are drawn as markers on the series of the lake of the same name</source>
        <translation>cryo:lakeicephenology 输出的表格：其日期以标记的形式绘制在同名湖泊的序列上</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="137"/>
        <source>Plot table</source>
        <translation>绘制表格</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="139"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="140"/>
        <source>Date field</source>
        <translation>日期字段</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="141"/>
        <source>Value field</source>
        <translation>数值字段</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="142"/>
        <source>Group by</source>
        <translation>分组字段</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="143"/>
        <source>Phenology table</source>
        <translation>物候表</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="203"/>
        <source>{}: the point cannot be transformed to the layer&apos;s CRS</source>
        <translation>{}：无法将该点转换到图层的坐标参考系</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="211"/>
        <source>Tick a raster in the list to plot its series.</source>
        <translation>请在列表中勾选一个栅格以绘制其序列。</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="215"/>
        <source>Reading {} at {}…</source>
        <translation>正在读取 {}，位置 {}…</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="262"/>
        <source>Choose a table layer, its date field and its value field.</source>
        <translation>请选择一个表格图层及其日期字段和数值字段。</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="273"/>
        <source>{} has no rows with a date in {}</source>
        <translation>{} 中没有任何行的 {} 字段含有日期</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="324"/>
        <source>Export series</source>
        <translation>导出序列</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="324"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表 (*.csv)</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="328"/>
        <source>{} rows written to {}</source>
        <translation>已写出 {} 行到 {}</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="86"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="87"/>
        <source>Save the plot as a PNG image, an SVG drawing or a PDF document</source>
        <translation>将图表保存为 PNG 图像、SVG 图形或 PDF 文档</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="88"/>
        <source>Region…</source>
        <translation>区域…</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="89"/>
        <source>Plot the mean (or the class fractions) of the ticked rasters over the selected polygons of the active layer, or over a polygon you draw</source>
        <translation>在当前图层的所选多边形或您绘制的多边形范围内，绘制所勾选栅格的均值（或各类别比例）</translation>
    </message>
    <message>
        <location filename="../gui/timeseries_dock.py" line="238"/>
        <source>{} {} (col {}, row {})</source>
        <translation>{} {}（列 {}，行 {}）</translation>
    </message>
</context>
<context>
    <name>Trend</name>
    <message>
        <location filename="../processing/algorithms/trend.py" line="30"/>
        <source>Trend of yearly rasters (Sen slope, Mann-Kendall)</source>
        <translation>逐年栅格的趋势（Sen 斜率、Mann-Kendall 检验）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="33"/>
        <source>&lt;p&gt;Per-pixel monotonic trend of a yearly series: &lt;b&gt;sen_slope&lt;/b&gt; (median of the slopes of all pairs of years, Sen 1968; units of the input per year), &lt;b&gt;mk_p&lt;/b&gt; (two-sided p-value of the Mann-Kendall test, Mann 1945 / Kendall 1975, with the variance corrected for ties and a continuity correction), &lt;b&gt;ols_slope&lt;/b&gt; (least-squares slope per year) and &lt;b&gt;n&lt;/b&gt; (years with a value).&lt;/p&gt;&lt;p&gt;INPUT is either single-band rasters, one per year (year at the end of the band description or in the file name), or one multi-band raster with BAND_PREFIX choosing its yearly bands, e.g. &lt;i&gt;frozen_days_&lt;/i&gt; or &lt;i&gt;freeze_onset_&lt;/i&gt; on the output of &lt;i&gt;Freeze/thaw season indicators&lt;/i&gt; (the year is the rest of the band description). Nodata values are left out pixel by pixel; pixels with fewer than MIN_YEARS years are nodata (-9999) in every band.&lt;/p&gt;</source>
        <translation>&lt;p&gt;逐像元计算逐年序列的单调趋势：&lt;b&gt;sen_slope&lt;/b&gt;（所有年份对斜率的中位数，Sen 1968；单位为输入单位每年）、&lt;b&gt;mk_p&lt;/b&gt;（Mann-Kendall 检验的双侧 p 值，Mann 1945 / Kendall 1975，方差经结值校正并采用连续性校正）、&lt;b&gt;ols_slope&lt;/b&gt;（最小二乘斜率，每年）和 &lt;b&gt;n&lt;/b&gt;（有值的年数）。&lt;/p&gt;&lt;p&gt;INPUT 可以是若干单波段栅格，每年一个（年份位于波段描述末尾或文件名中），也可以是一个多波段栅格，由 BAND_PREFIX 选出其逐年波段，例如对&lt;i&gt;冻融季节指标&lt;/i&gt;的输出使用 &lt;i&gt;frozen_days_&lt;/i&gt; 或 &lt;i&gt;freeze_onset_&lt;/i&gt;（波段描述的其余部分即年份）。无数据值逐像元剔除；有值年数少于 MIN_YEARS 的像元在所有波段中均为无数据值（-9999）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="45"/>
        <source>Yearly rasters (or one multi-band raster with BAND_PREFIX)</source>
        <translation>逐年栅格（或配合 BAND_PREFIX 的一个多波段栅格）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="51"/>
        <source>Band description prefix of the yearly bands (e.g. frozen_days_)</source>
        <translation>逐年波段的波段描述前缀（例如 frozen_days_）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="58"/>
        <source>Minimum number of years with a value</source>
        <translation>有值年数的最小值</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="64"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="69"/>
        <source>Number of years in the series</source>
        <translation>序列中的年数</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="84"/>
        <source>Years: {}</source>
        <translation>年份：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="45"/>
        <source>Single-band rasters, one per year, with the year at the end of the band description or in the file name; or one multi-band raster whose yearly bands BAND_PREFIX selects. The rasters share one grid; each year may occur once.</source>
        <translation>单波段栅格，每年一个，年份位于波段描述末尾或文件名中；或一个多波段栅格，由 BAND_PREFIX 选出其逐年波段。各栅格须在同一格网上；每个年份只能出现一次。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="51"/>
        <source>Takes every band whose description starts with this text; the rest of the description is its year (e.g. frozen_days_ selects frozen_days_2003 ... frozen_days_2020). Empty: every input raster is one year.</source>
        <translation>选取波段描述以该文本开头的所有波段；描述的其余部分为其年份（例如 frozen_days_ 选出 frozen_days_2003 ... frozen_days_2020）。留空：每个输入栅格代表一年。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="58"/>
        <source>Pixels with fewer years with a value (not nodata) get nodata (−9999) in every output band. At least 3; default 5.</source>
        <translation>有值（非无数据）年数少于该值的像元在所有输出波段中为无数据值（−9999）。至少为 3；默认 5。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/trend.py" line="64"/>
        <source>Float32 GeoTIFF with four bands: sen_slope (input units per year), mk_p (two-sided Mann-Kendall p-value, 0-1), ols_slope (input units per year) and n (years with a value); nodata −9999.</source>
        <translation>含四个波段的 float32 GeoTIFF：sen_slope（输入单位每年）、mk_p（双侧 Mann-Kendall 检验 p 值，0-1）、ols_slope（输入单位每年）和 n（有值年数）；无数据值 −9999。</translation>
    </message>
</context>
<context>
    <name>Ttop</name>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="45"/>
        <source>TTOP permafrost model (classes, probability, zones)</source>
        <translation>TTOP 多年冻土模型（类别、概率、分区）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="48"/>
        <source>&lt;p&gt;Temperature at the top of permafrost (Smith &amp;amp; Riseborough 1996, 2002), in °C, from the freezing and thawing indices DDF and DDT (positive °C·days), the n-factors nf, nt, the thermal conductivity ratio rk (thawed/frozen, &amp;gt; 0) and the period P (days):&lt;/p&gt;&lt;p&gt;TTOP = (rk·nt·DDT − nf·DDF) / P when rk·nt·DDT &amp;lt; nf·DDF (permafrost, TTOP &amp;lt; 0), else TTOP = (nt·DDT − nf·DDF / rk) / P (≥ 0).&lt;/p&gt;&lt;p&gt;&lt;b&gt;INDICES_FROM&lt;/b&gt;: &lt;i&gt;ground&lt;/i&gt; (default) when DDF/DDT were computed from ground-surface temperature (e.g. GST from LST): the n-factors are already inside them and only rk applies; &lt;i&gt;air&lt;/i&gt; when they come from air temperature: nf and nt are applied. Multi-band DDF/DDT (one band per year, as &lt;i&gt;Degree-day indices&lt;/i&gt; writes them) are averaged per pixel over the years that have a value.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Parameters&lt;/b&gt;: NF, NT, RK everywhere, or a LANDCOVER raster with an NFACTORS table (CSV class,nf,nt,rk, optional nf_min, nf_max, nt_min, nt_max, rk_min, rk_max; other columns such as name and source are ignored; an empty rk takes RK). Every land-cover class on the map must be in the table. The plugin ships tables/nfactors_default.csv (in its plugin folder): only n-factors with a published source, each cited in the file, for two classes numbered by the table itself; copy it and renumber its rows to your land-cover codes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_CLASSES&lt;/b&gt;: 1 permafrost (TTOP &amp;lt; 0), 2 seasonally frozen ground (TTOP ≥ 0, DDF &amp;gt; 0), 3 unfrozen (DDF = 0), 4 glacier and 5 lake inside the optional GLACIERS / LAKES polygons. Results PERMAFROST_AREA_KM2 (true cell areas) and PERMAFROST_FRACTION (of classes 1-3).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ensemble&lt;/b&gt; (Obu et al. 2019, Earth-Sci. Rev. 193): MEMBERS runs (0 = off; Obu used 200), each drawing nf, nt and rk of every land-cover class uniformly in the table's ranges (reproducible from SEED). OUTPUT_PROBABILITY = fraction of members with permafrost (0-1); OUTPUT_ZONES: continuous p &amp;gt; 0.9, discontinuous 0.5 ≤ p ≤ 0.9, sporadic 0.1 ≤ p &amp;lt; 0.5, isolated patches 0 &amp;lt; p &amp;lt; 0.1, none p = 0. Glaciers and lakes are nodata there.&lt;/p&gt;</source>
        <translation>&lt;p&gt;多年冻土顶板温度（Smith &amp;amp; Riseborough 1996, 2002），单位 °C，由冻结指数 DDF 和融化指数 DDT（正的 °C·日）、n 因子 nf、nt、导热系数比 rk（融化/冻结，&amp;gt; 0）以及周期 P（天）计算：&lt;/p&gt;&lt;p&gt;当 rk·nt·DDT &amp;lt; nf·DDF 时 TTOP = (rk·nt·DDT − nf·DDF) / P（多年冻土，TTOP &amp;lt; 0），否则 TTOP = (nt·DDT − nf·DDF / rk) / P（≥ 0）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;INDICES_FROM&lt;/b&gt;：DDF/DDT 由地面温度计算（例如由陆表温度估算的地面温度）时选 &lt;i&gt;ground&lt;/i&gt;（默认）：n 因子已包含在其中，只应用 rk；由气温计算时选 &lt;i&gt;air&lt;/i&gt;：应用 nf 和 nt。多波段的 DDF/DDT（每年一个波段，即&lt;i&gt;度日指数&lt;/i&gt;的输出）逐像元对有值的年份求平均。&lt;/p&gt;&lt;p&gt;&lt;b&gt;参数&lt;/b&gt;：全区统一的 NF、NT、RK，或 LANDCOVER 栅格加 NFACTORS 表（CSV：class,nf,nt,rk，可选 nf_min、nf_max、nt_min、nt_max、rk_min、rk_max；name、source 等其他列将被忽略；rk 为空时取 RK）。图上每个土地覆盖类别都必须出现在表中。插件自带 tables/nfactors_default.csv（位于插件文件夹中）：只收录有公开发表来源的 n 因子，每条均在文件中注明出处，共两个类别，编号由该表自定；请复制该表并按你的土地覆盖代码重新编号。&lt;/p&gt;&lt;p&gt;&lt;b&gt;OUTPUT_CLASSES&lt;/b&gt;：1 多年冻土（TTOP &amp;lt; 0），2 季节冻土（TTOP ≥ 0，DDF &amp;gt; 0），3 不冻土（DDF = 0），4 冰川和 5 湖泊（位于可选的 GLACIERS / LAKES 多边形内）。结果 PERMAFROST_AREA_KM2（按真实像元面积）和 PERMAFROST_FRACTION（占类别 1-3 的比例）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;集合模拟&lt;/b&gt;（Obu et al. 2019, Earth-Sci. Rev. 193）：运行 MEMBERS 次（0 = 关闭；Obu 使用 200 次），每次在表中给出的范围内对每个土地覆盖类别的 nf、nt 和 rk 均匀抽样（由 SEED 保证可重复）。OUTPUT_PROBABILITY = 出现多年冻土的成员比例（0-1）；OUTPUT_ZONES：连续多年冻土 p &amp;gt; 0.9，不连续多年冻土 0.5 ≤ p ≤ 0.9，零星多年冻土 0.1 ≤ p &amp;lt; 0.5，岛状多年冻土 0 &amp;lt; p &amp;lt; 0.1，无多年冻土 p = 0。冰川和湖泊在其中为无数据值。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="75"/>
        <source>Freezing index DDF (°C·days)</source>
        <translation>冻结指数 DDF（°C·日）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="80"/>
        <source>Thawing index DDT (°C·days)</source>
        <translation>融化指数 DDT（°C·日）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="84"/>
        <source>Indices computed from</source>
        <translation>指数计算所依据的温度</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="91"/>
        <source>Land cover (classes)</source>
        <translation>土地覆盖（类别）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="96"/>
        <source>n-factor table (CSV class,nf,nt,rk[,ranges])</source>
        <translation>n 因子表（CSV：class,nf,nt,rk[,范围]）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="103"/>
        <source>Freezing n-factor nf (without a table)</source>
        <translation>冻结 n 因子 nf（不使用表时）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="103"/>
        <source>Thawing n-factor nt (without a table)</source>
        <translation>融化 n 因子 nt（不使用表时）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="103"/>
        <source>Thermal conductivity ratio rk (thawed/frozen)</source>
        <translation>导热系数比 rk（融化/冻结）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="117"/>
        <source>Period P (days)</source>
        <translation>周期 P（天）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="122"/>
        <source>Glacier outlines (class 4)</source>
        <translation>冰川边界（类别 4）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="127"/>
        <source>Lake outlines (class 5)</source>
        <translation>湖泊边界（类别 5）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="132"/>
        <source>Ensemble members (0 = no ensemble)</source>
        <translation>集合成员数（0 = 不做集合模拟）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="138"/>
        <source>Random seed of the ensemble</source>
        <translation>集合模拟的随机种子</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="143"/>
        <source>TTOP (°C)</source>
        <translation>多年冻土顶板温度 TTOP（°C）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="147"/>
        <source>Ground thermal classes</source>
        <translation>地温类别</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="151"/>
        <source>Permafrost probability (ensemble)</source>
        <translation>多年冻土概率（集合模拟）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="157"/>
        <source>Permafrost zones (ensemble)</source>
        <translation>多年冻土分区（集合模拟）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="163"/>
        <source>Permafrost area (km²)</source>
        <translation>多年冻土面积（km²）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="163"/>
        <source>Permafrost fraction of the land (classes 1-3)</source>
        <translation>多年冻土占陆地的比例（类别 1-3）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="163"/>
        <source>Mean permafrost probability (ensemble)</source>
        <translation>平均多年冻土概率（集合模拟）</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="185"/>
        <source>LANDCOVER needs an NFACTORS table giving nf, nt, rk for each of its classes</source>
        <translation>LANDCOVER 需要一个 NFACTORS 表，为其每个类别给出 nf、nt、rk</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="200"/>
        <source>MEMBERS = 0: no ensemble was run, so no probability or zones were written</source>
        <translation>MEMBERS = 0：未运行集合模拟，因此未写出概率和分区</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="201"/>
        <source>Permafrost {:.1f} km² ({:.1%} of the land); areas by class (km²): {}</source>
        <translation>多年冻土 {:.1f} km²（占陆地 {:.1%}）；各类别面积（km²）：{}</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="75"/>
        <source>Freezing degree-days, positive °C·days (OUTPUT_DDF of Degree-day indices). Several bands (one per year) are averaged per pixel over the years with a value. The outputs are on this raster's grid.</source>
        <translation>冻结度日，正值，单位 °C·日（“度日指数”的 OUTPUT_DDF）。多个波段（每年一个）按像元对有值的年份求平均。输出位于该栅格的格网上。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="80"/>
        <source>Thawing degree-days, positive °C·days (OUTPUT_DDT of Degree-day indices), on the grid of DDF and with as many bands (years), averaged per pixel like DDF.</source>
        <translation>融化度日，正值，单位 °C·日（“度日指数”的 OUTPUT_DDT），须与 DDF 格网相同、波段（年份）数相同，并像 DDF 一样按像元求平均。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="84"/>
        <source>ground (default): DDF and DDT come from ground-surface temperature (e.g. GST from LST), so the n-factors are already in them and only rk is applied; air: they come from air temperature and nf, nt are applied as well.</source>
        <translation>ground（默认）：DDF 和 DDT 由地面温度（例如由陆表温度估算的地面温度）计算，已包含 n 因子的作用，只应用 rk；air：由气温计算，还需应用 nf、nt。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="91"/>
        <source>Integer land-cover classes, resampled onto the DDF grid by majority (mode) when needed; each class takes its nf, nt and rk from NFACTORS, which must list every class on the map. Empty: NF, NT, RK everywhere.</source>
        <translation>整数土地覆盖类别，必要时按众数（mode）重采样到 DDF 格网上；每个类别从 NFACTORS 中取得其 nf、nt 和 rk，NFACTORS 必须列出图上的所有类别。留空：处处使用 NF、NT、RK。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="96"/>
        <source>CSV with the columns class, nf, nt and optionally rk (empty: RK) and the ranges nf_min, nf_max, nt_min, nt_max, rk_min, rk_max that the ensemble draws from; lines starting with # are comments. Template: tables/nfactors_default.csv in the plugin folder.</source>
        <translation>CSV，包含 class、nf、nt 列，可选 rk 列（为空时取 RK）以及集合模拟抽样所用的范围 nf_min、nf_max、nt_min、nt_max、rk_min、rk_max；以 # 开头的行为注释。模板：插件文件夹中的 tables/nfactors_default.csv。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="103"/>
        <source>Ratio of the ground-surface to the air freezing index (dimensionless, ≥ 0, default 1), used everywhere when there is no NFACTORS table and INDICES_FROM = air.</source>
        <translation>地表冻结指数与气温冻结指数之比（无量纲，≥ 0，默认 1）；在没有 NFACTORS 表且 INDICES_FROM = air 时处处使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="103"/>
        <source>Ratio of the ground-surface to the air thawing index (dimensionless, ≥ 0, default 1), used everywhere when there is no NFACTORS table and INDICES_FROM = air.</source>
        <translation>地表融化指数与气温融化指数之比（无量纲，≥ 0，默认 1）；在没有 NFACTORS 表且 INDICES_FROM = air 时处处使用。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="103"/>
        <source>Thermal conductivity of the thawed over the frozen ground (dimensionless, &gt; 0, default 1; typically below 1 in moist soils). Used everywhere without a table, and for table rows with an empty rk.</source>
        <translation>融化土与冻结土导热系数之比（无量纲，&gt; 0，默认 1；湿润土壤中通常小于 1）。不使用表时处处使用，也用于表中 rk 为空的行。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="117"/>
        <source>Length of the period the indices are summed over, in days (default 365, one year): TTOP is the mean temperature over it.</source>
        <translation>指数累加所覆盖的时段长度，单位为天（默认 365，即一年）：TTOP 为该时段内的平均温度。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="122"/>
        <source>Polygons in any CRS: cells whose centre lies inside are class 4 (glacier), nodata in the probability and zones, and left out of the permafrost area and fraction.</source>
        <translation>任意坐标参考系的多边形：中心位于其中的格网单元为类别 4（冰川），在概率和分区中为无数据值，并且不计入多年冻土面积和比例。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="127"/>
        <source>Polygons in any CRS: cells whose centre lies inside are class 5 (lake), nodata in the probability and zones, and left out of the permafrost area and fraction.</source>
        <translation>任意坐标参考系的多边形：中心位于其中的格网单元为类别 5（湖泊），在概率和分区中为无数据值，并且不计入多年冻土面积和比例。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="132"/>
        <source>Number of model runs (0-10000) with nf, nt and rk of each class drawn uniformly in the NFACTORS ranges; 0 (default) runs no ensemble. Obu et al. (2019) used 200.</source>
        <translation>模型运行次数（0-10000），每次在 NFACTORS 给出的范围内为每个类别均匀抽取 nf、nt 和 rk；0（默认）表示不做集合模拟。Obu et al.（2019）使用 200 次。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="138"/>
        <source>Seed of the random draws (integer ≥ 0, default 1): the same seed gives the same probability map.</source>
        <translation>随机抽样的种子（整数 ≥ 0，默认 1）：相同的种子得到相同的概率图。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="143"/>
        <source>Float32 GeoTIFF on the DDF grid: temperature at the top of permafrost (or of seasonally frozen ground) in °C, from the table's central nf, nt, rk; nodata −9999.</source>
        <translation>位于 DDF 格网上的 float32 GeoTIFF：多年冻土（或季节冻土）顶板温度，单位 °C，由表中的中心值 nf、nt、rk 计算；无数据值 −9999。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="147"/>
        <source>8-bit GeoTIFF of classes 1 permafrost (TTOP &lt; 0), 2 seasonally frozen ground, 3 unfrozen (DDF = 0), 4 glacier and 5 lake, with their colours; nodata 0.</source>
        <translation>8 位 GeoTIFF，类别为 1 多年冻土（TTOP &lt; 0）、2 季节冻土、3 非冻土（DDF = 0）、4 冰川和 5 湖泊，附各类别颜色；无数据值 0。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="151"/>
        <source>Float32 GeoTIFF: fraction of the ensemble members with permafrost (0-1). Written only when MEMBERS &gt; 0.</source>
        <translation>float32 GeoTIFF：判定为多年冻土的集合成员所占比例（0-1）。仅在 MEMBERS &gt; 0 时写出。</translation>
    </message>
    <message>
        <location filename="../processing/algorithms/ttop.py" line="157"/>
        <source>8-bit GeoTIFF of zones from the probability p: continuous (p &gt; 0.9), discontinuous (0.5-0.9), sporadic (0.1-0.5), isolated patches (0-0.1) and none (p = 0). Written only when MEMBERS &gt; 0.</source>
        <translation>由概率 p 划分分区的 8 位 GeoTIFF：连续（p &gt; 0.9）、不连续（0.5-0.9）、零星（0.1-0.5）、岛状（0-0.1）和无（p = 0）。仅在 MEMBERS &gt; 0 时写出。</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../processing/workflow_texts.py" line="11"/>
        <source>Workflows</source>
        <translation>工作流</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="15"/>
        <source>Freeze/thaw season trend (decode → indicators → trends)</source>
        <translation>冻融季节趋势（解码 → 季节指标 → 趋势）</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="15"/>
        <source>Daily freeze/thaw grids → decoded, styled stack → season indicators of every complete season year → Sen slope / Mann-Kendall trend of the frozen days and of the freeze onset.</source>
        <translation>逐日冻融格网 → 解码并配好样式的数据栈 → 每个完整季节年的季节指标 → 冻结天数与冻结开始日的 Sen 斜率 / Mann-Kendall 趋势。</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="20"/>
        <source>Permafrost map from LST (GST model → degree days → TTOP → accuracy)</source>
        <translation>由陆表温度制作多年冻土图（地面温度模型 → 度日 → TTOP → 精度）</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="20"/>
        <source>Station table → ridge GST model → daily GST from the LST stacks → freezing/thawing degree days → TTOP with an ensemble (probability, zones) → accuracy against a reference map.</source>
        <translation>站点表 → 岭回归地面温度（GST）模型 → 由陆表温度（LST）数据栈计算逐日地面温度 → 冻结/融化度日 → 含集合模拟（概率、分区）的 TTOP → 对照参考图评估精度。</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="25"/>
        <source>Glacier mass balance from a DEM pair</source>
        <translation>由 DEM 对计算冰川物质平衡</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="32"/>
        <source>Lake-ice phenology from a stack and lake polygons</source>
        <translation>由数据栈与湖泊多边形提取湖冰物候</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="38"/>
        <source>InSAR ground deformation from LST (GST model → daily GST → thaw index → seasonal and long-term)</source>
        <translation>由 LST 计算 InSAR 地表形变（GST 模型 → 逐日 GST → 融化指数 → 季节与长期）</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="38"/>
        <source>Station table → ridge GST model → daily GST from the LST stacks → per pixel, the thaw index of its GST and the least-squares split of the InSAR displacements into a long-term velocity and a seasonal (Stefan) term (Liu et al. 2010, 2012), with the fitted model at every date.</source>
        <translation>站点表 → 岭回归 GST 模型 → 由 LST 栈得到逐日 GST → 逐像元由其 GST 计算融化指数，并用最小二乘把 InSAR 形变分解为长期速率和季节（Stefan）项（Liu et al. 2010, 2012），并给出各日期的拟合模型。</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="25"/>
        <source>Two DEMs and glacier outlines (optionally ICESat-2 ATL06 or other reference points) → Nuth &amp; Kääb co-registration on stable terrain → elevation change → outliers and voids → volume change and geodetic mass balance with errors, and an HTML report. With two altimetry epochs (ICESat-2 granules or points), also their gridded elevation-change rate.</source>
        <translation>两期 DEM 和冰川轮廓（可选 ICESat-2 ATL06 或其他参考点）→ 在稳定地形上进行 Nuth &amp; Kääb 配准 → 高程变化 → 异常值和空洞处理 → 体积变化和大地测量物质平衡及其误差，并生成 HTML 报告。若有两期测高数据（ICESat-2 数据粒或点），还计算其格网化高程变化速率。</translation>
    </message>
    <message>
        <location filename="../processing/workflow_texts.py" line="32"/>
        <source>Daily lake-ice stack + lake polygons → daily lake means (shore buffer), as a table → freeze-up and break-up dates and durations per lake and winter, as a table and on the polygons. With a daily air-temperature stack, → ice thickness by the Stefan degree-day law from each freeze-up.</source>
        <translation>逐日湖冰堆栈 + 湖泊多边形 → 逐日湖泊均值（岸边缓冲），输出为表 → 每个湖泊每个冬季的封冻和解冻日期及持续时间，输出为表并附在多边形上。提供逐日气温堆栈时，→ 按 Stefan 度日定律从每次封冻起计算冰厚。</translation>
    </message>
</context>
</TS>
