"""Write voice, criterion/unsettleable, horizon (one rule) and target basis into predictions.json."""
import json
import pathlib; J=str(pathlib.Path(__file__).resolve().parents[1]); D=str(pathlib.Path(__file__).resolve().parents[3] / 'src' / 'aiforecasts' / 'data')
doc=json.load(open(f'{D}/predictions.json'))
V1={json.loads(l)['id']:json.loads(l) for l in open(f'{J}/out/voice_V1.jsonl')}
V2={json.loads(l)['id']:json.loads(l) for l in open(f'{J}/out/voice_V2.jsonl')}
F=json.load(open(f'{J}/out/criteria_final.json'))
BASIS={  # short labels; the criterion's note keeps the full basis text
 'us-government-400-chief-ai-officers':'officials designated Chief AI Officer across US federal agencies',
 'guizhou-2024-compute-targets':'province-wide total, as Guizhou reports it',
 'ccid-china-compute-360-eflops-2026':'total computing capacity (general, intelligent and supercomputing), as MIIT/CAICT/CCID report it',
 'ccid-china-intelligent-supercomputing-share-2026':'share of total computing capacity, one basis throughout',
 'amodei-training-cost-3-years':'cost of one training run, nominal USD',
 'data-centre-power-share-4pct-2030':"share of global electricity consumption, IEA accounting",
 'microsoft-capex-64b-2025':'fiscal-year capital expenditure including finance leases, nominal USD',
}
def criterion(c):
    note=' '.join(x for x in (('Basis: '+c['basis']) if c.get('basis') else None, c.get('notes')) if x)
    return {'came_true':c['came_true'],'did_not':c['did_not'],'partly':c.get('partly'),
            'condition':c.get('condition_check'),'note':note or None}
def horizon(cur, h):
    cls=h['class']
    if cls=='none': return None
    if cur and cur['start']==h['start'] and cur['end']==h['end']:
        new=dict(cur)
    else:
        new={'start':h['start'],'end':h['end'],'label':h['label'],'relation':h.get('relation') or 'in',
             'text':h.get('time_words'),'precision':None,'reason':None,'certainty':None}
        y0,y1=h['start'][:4],h['end'][:4]
        new['precision']='year' if (h['start'][5:]=='01-01' and h['end'][5:]=='12-31' and y0==y1) else (cur or {}).get('precision') or 'years'
    new['certainty']=cls
    if cls=='stated':
        new['reason']=None
    elif cls=='framing':
        new['reason']=h['reason']; new['text']=None
    elif cls=='inferred' and (not cur or cur.get('certainty')!='inferred' or new.get('reason') is None):
        new['reason']=h['reason']
    return new
changed=0
for p in doc['records']:
    k=p['id']; assert V1[k]['voice']==V2[k]['voice']
    p['voice']=V1[k]['voice']
    f=F[k]
    if f['settleable']:
        p['criterion']=criterion(f['criterion']); p['unsettleable']=None
    else:
        p['criterion']=None; p['unsettleable']=f['too_vague_reason']
    new=horizon(p['horizon'], f['horizon'])
    if new!=p['horizon']: changed+=1
    p['horizon']=new
    if p['target'] is not None:
        p['target']['basis']=BASIS.get(k)
print('horizons changed', changed)
open(f'{D}/predictions.json','w').write(json.dumps(doc,ensure_ascii=False,indent=2,sort_keys=True)+'\n')
