"""Assemble final criteria (C1 + third reading) and the judges' packs (no verdicts)."""
import json
import pathlib; J=str(pathlib.Path(__file__).resolve().parents[1])
P={json.loads(l)['id']:json.loads(l) for l in open(f'{J}/in/predictions.jsonl')}
c1={}
for f in ('criteria_C1a.jsonl','criteria_C1b.jsonl'):
    for l in open(f'{J}/out/{f}'): r=json.loads(l); c1[r['id']]=r
third={json.loads(l)['id']:json.loads(l) for l in open(f'{J}/out/third_settle.jsonl')}
final={}
for k,r in c1.items():
    r=dict(r)
    t=third.get(k)
    if t:
        if t['settleable'] is not None:
            r['settleable']=t['settleable']; r['too_vague_reason']=t['too_vague_reason'] if not t['settleable'] else None
            r['criterion']=t['criterion'] if t['settleable'] else None
        if t['horizon'] is not None:
            r['horizon']=t['horizon']
    final[k]=r
# A slip of the first reader: its label says 2024-2026, its end 2024 (the extraction's 2026 kept).
final['open-source-key-role-ai-adoption']['horizon']['end']='2026-12-31'
json.dump(final, open(f'{J}/out/criteria_final.json','w'), ensure_ascii=False, indent=1)
dossier={}
for f in ('dossier_R1.jsonl','dossier_R2.jsonl'):
    for l in open(f'{J}/out/{f}'): r=json.loads(l); dossier[r['id']]=r
r1=[l.strip() for l in open(f'{J}/in/R1_ids.txt') if l.strip()]
r2=[l.strip() for l in open(f'{J}/in/R2_ids.txt') if l.strip()]
sets={'1a':r1[:37],'1b':r1[37:],'2a':r2[:33],'2b':r2[33:]}
for name, ids in sets.items():
    with open(f'{J}/in/judge_set{name}.jsonl','w') as out:
        for k in ids:
            p=P[k]; c=final[k]; d=dossier[k]
            items=[{kk:it.get(kk) for kk in ('url','publisher','publisher_kind','title','published','language','quote','shows')} for it in d['items']]
            for i,it in enumerate(items): it['n']=i
            out.write(json.dumps(dict(id=k, statement=p['statement'], document=p['document'], excerpts=p['excerpts'], made=p['made'],
                hedge=p['hedge'], condition=p['condition'], target=p['target'], horizon=c['horizon'], settleable=c['settleable'],
                too_vague_reason=c['too_vague_reason'], criterion=c['criterion'], parent=p['parent'],
                dossier=items, dossier_remarks=d.get('remarks')), ensure_ascii=False)+'\n')
print({k:len(v) for k,v in sets.items()}, sum(1 for r in final.values() if not r['settleable']))
