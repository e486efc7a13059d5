import numpy as np, csv, sys
from collections import defaultdict
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut
exec(open(__file__.replace('fit.py','features.py')).read())
rows=list(csv.DictReader(open(sys.argv[1]),delimiter='\t'))
X=np.array([f(r) for r in rows]); y=np.array([int(r['gold']) for r in rows]); groups=np.array([r['set'] for r in rows])
def cv(X,C=1.0):
    mu,sd=X.mean(0),X.std(0)+1e-9; Xs=(X-mu)/sd; p=np.zeros(len(y))
    for tr,te in LeaveOneGroupOut().split(Xs,y,groups):
        p[te]=LogisticRegression(C=C,max_iter=3000).fit(Xs[tr],y[tr]).predict_proba(Xs[te])[:,1]
    return p
p1=cv(X)
# context
idx={(r['set'],int(r['o']),int(r['r'])):i for i,r in enumerate(rows)}
best_r=defaultdict(float); best_o=defaultdict(float); sets=defaultdict(list)
for i,r in enumerate(rows):
    s,o,rr=r['set'],int(r['o']),int(r['r'])
    best_r[(s,rr)]=max(best_r[(s,rr)],p1[i]); best_o[(s,o)]=max(best_o[(s,o)],p1[i])
docstr={}
for s in set(groups):
    rs=[v for (ss,_),v in best_r.items() if ss==s]; docstr[s]=np.mean(sorted(rs)[-5:]) , np.mean([v>0.5 for v in rs])
C=[]
for i,r in enumerate(rows):
    s,o,rr=r['set'],int(r['o']),int(r['r'])
    nb=max([p1[idx[k]] for k in [(s,o-1,rr-1),(s,o+1,rr+1),(s,o-1,rr),(s,o+1,rr),(s,o,rr-1),(s,o,rr+1)] if k in idx]+[0])
    lg=lambda v: np.log(max(v,1e-4)/max(1-v,1e-4))
    C.append([lg(p1[i]), p1[i]/max(best_r[(s,rr)],1e-6), p1[i]/max(best_o[(s,o)],1e-6), lg(nb), docstr[s][0], docstr[s][1]])
X2=np.hstack([X,np.array(C)])
p2=cv(X2)
neg=np.array([s.startswith('neg') for s in groups])
for name,p in [('stage1',p1),('stage2',p2)]:
  for t in [0.3,0.4,0.5,0.6,0.7,0.8]:
    pred=p>=t; tp=(pred&(y==1)).sum(); fp=(pred&(y==0)).sum(); fn=((~pred)&(y==1)).sum()
    print(f"{name} t={t} P={tp/max(tp+fp,1):.3f} R={tp/(tp+fn):.3f} fp={fp} negfp={(pred&neg).sum()}")
import json
texts={}
an=json.load(open(sys.argv[2])) if len(sys.argv)>2 else {}
for i in np.where((p2>=0.5)&(y==0))[0]:
    r=rows[i]; s=r['set']; print(s, r['o'], r['r'], round(p2[i],3), r['msrp']); print('  O:',an[s][0][int(r['o'])]); print('  R:',an[s][1][int(r['r'])])
