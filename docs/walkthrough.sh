#!/usr/bin/env bash
# One fault from intake to close, on the dev-mode demo data (./mvnw quarkus:dev). Needs curl and jq.
# Circuit WH-YC-DC-0001 (数字电路 武汉–宜昌, 湖北示例电力公司) is taken at the 湖北 acceptance desk HB-ACC.
set -euo pipefail
API=${API:-http://localhost:8080/api/v1}
json() { curl -sf -H 'Content-Type: application/json' "$@"; }
unit() { curl -sf "$API/units?code=$1" | jq -r '.[0].id'; }
person() { curl -sf "$API/people?unitId=$(unit "$1")&role=$2" | jq -r '.[0].id'; }

DESK=$(unit HB-ACC); LINA=$(person HB-ACC ACCEPTOR)          # 李娜, acceptor at the 湖北 desk
WH=$(unit HB-WH); GAO=$(person HB-WH HANDLER)                 # 高翔, 武汉本地网
YC=$(unit HB-YC); FANG=$(person HB-YC HANDLER)                # 方勇, 宜昌本地网

echo "1. 受理 intake (T1–T3)"
T=$(json -X POST "$API/tickets" -d "{
  \"customerCode\": \"C-HB-0001\", \"customerName\": \"湖北示例电力公司\",
  \"circuitCode\": \"WH-YC-DC-0001\", \"businessType\": \"DIGITAL_CIRCUIT\", \"direction\": \"武汉—宜昌\",
  \"occurredAt\": \"$(date -u -d '-10 min' +%FT%TZ)\", \"symptom\": \"电路中断，两端业务不通\",
  \"reporter\": {\"name\": \"王经理\", \"contact\": \"13800000000\"},
  \"channel\": \"HOTLINE\", \"acceptanceUnitId\": \"$DESK\"}" | jq -r .id)
curl -sf "$API/tickets/$T" | jq -c '{number, status, phase, scope}'

echo "2. 接单 accept: 李娜 becomes the first responsible person (T6)"
json -X POST "$API/tickets/$T/accept" -d "{\"personId\": \"$LINA\"}" | jq -c '{status, phase, allowedActions}'

echo "3. 派单 dispatch: the whole circuit is in 湖北's jurisdiction, so both access ends at once (T16)"
WOS=$(json -X POST "$API/tickets/$T/dispatches" -d "{\"personId\": \"$LINA\"}")
echo "$WOS" | jq -c '.[] | {number, segment, status}'
WO_WH=$(echo "$WOS" | jq -r ".[] | select(.unitId == \"$WH\") | .id")
WO_YC=$(echo "$WOS" | jq -r ".[] | select(.unitId == \"$YC\") | .id")

echo "4. Each unit accepts (T4), checks alarms and configuration changes (T16) and reports progress (T9)"
json -X POST "$API/work-orders/$WO_WH/accept" -d "{\"personId\": \"$GAO\"}" >/dev/null
json -X POST "$API/work-orders/$WO_YC/accept" -d "{\"personId\": \"$FANG\"}" >/dev/null
json -X POST "$API/work-orders/$WO_WH/findings" -d "{\"personId\": \"$GAO\", \"alarm\": false, \"configChange\": false}" >/dev/null
json -X POST "$API/work-orders/$WO_YC/findings" -d "{\"personId\": \"$FANG\", \"alarm\": true, \"configChange\": false, \"note\": \"宜昌西陵局 2M 口 LOS 告警\"}" >/dev/null
json -X POST "$API/work-orders/$WO_YC/progress" -d "{\"reporterId\": \"$FANG\", \"handlerName\": \"方勇\",
  \"operation\": \"更换宜昌西陵局 2M 板卡\", \"faultSegment\": \"Z_ACCESS\", \"cause\": \"板卡故障\", \"interim\": true}" \
  | jq -c '{unitId, operation, interim}'
curl -sf "$API/tickets/$T" | jq -c '{ownerUnitId}'

echo "5. 测试 segment tests: fault-free needs its test report (T7)"
json -X POST "$API/tickets/$T/segment-tests" -d "{\"unitId\": \"$WH\", \"personId\": \"$GAO\", \"segment\": \"A_ACCESS\",
  \"result\": \"FAULT_FREE\", \"report\": {\"reference\": \"TR-WH-001\", \"summary\": \"误码仪测试 15 分钟无误码\"}}" | jq -c '{segment, result}'

echo "6. 通报客户 the acceptor updates the customer (T10)"
json -X POST "$API/tickets/$T/customer-updates" -d "{\"personId\": \"$LINA\", \"channel\": \"PHONE\",
  \"message\": \"故障定位在宜昌端接入段，正在更换板卡，预计 30 分钟内恢复\"}" | jq -c '{channel, at}'

echo "7. 业务恢复, then 故障修复 (T5)"
json -X POST "$API/tickets/$T/restore" -d "{\"personId\": \"$FANG\", \"note\": \"板卡更换后业务恢复\"}" | jq -c '{status, serviceRestoredAt}'
json -X POST "$API/tickets/$T/repair" -d "{\"personId\": \"$FANG\"}" | jq -c '{faultRepairedAt}'

echo "8. 结单 close: the acceptor, after the customer confirms; true cause kept (T12)"
json -X POST "$API/tickets/$T/close" -d "{\"personId\": \"$LINA\", \"customerConfirmed\": true,
  \"cause\": {\"category\": \"TELECOM\", \"text\": \"宜昌西陵局 2M 板卡故障\"}}" | jq -c '{status, cause, causeDiffers}'

echo "9. 历史 history"
curl -sf "$API/tickets/$T/history" | jq -r '.[] | "\(.at)  \(.action)  \(.fromStatus // "-") → \(.toStatus)  \(.detail // "")"'
