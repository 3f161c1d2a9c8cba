-- Company names as bench/run-server.sh generates them (strata.bench.server.GenerateCustomers: city + word + kind +
-- 有限公司, every seventh with a branch), in place of setup.sql's numbered names, so that a search has realistic
-- matches: 华信 in 1 of 24 names, 北京华信 in 1 of 120 (the picks are not independent) (bench/README.md, "H2 lists: the name sort and the search").
update customer set name =
  (array['北京','上海','广州','深圳','杭州','成都','武汉','南京','苏州','西安','重庆','天津','长沙','郑州','青岛','宁波','合肥','厦门','福州','济南'])[mod(cast(substring(id, 2) as bigint) * 7919, 20) + 1]
  || (array['华信','恒达','中科','鼎盛','瑞丰','博远','金桥','新元','汇通','东方','星河','宏图','安泰','海润','天成','明德','智联','启航','永安','万象','嘉禾','卓越','正泰','云帆'])[mod(cast(substring(id, 2) as bigint) * 104729, 24) + 1]
  || (array['科技','贸易','制造','物流','餐饮','建材','电子','医药','咨询','传媒'])[mod(cast(substring(id, 2) as bigint) * 31, 10) + 1]
  || '有限公司'
  || case when mod(cast(substring(id, 2) as bigint), 7) = 0 then '（' || (array['北京','上海','广州','深圳','杭州','成都','武汉','南京','苏州','西安','重庆','天津','长沙','郑州','青岛','宁波','合肥','厦门','福州','济南'])[mod(cast(substring(id, 2) as bigint) * 13, 20) + 1] || '分公司）' else '' end;
analyze;
